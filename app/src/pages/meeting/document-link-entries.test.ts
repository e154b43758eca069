import { describe, expect, it } from 'vitest';
import { documentLinkEntries } from './document-link-entries.ts';

describe('documentLinkEntries', () => {
  it('offers the agenda, with its Bilag as one PDF, before the minutes are out', () => {
    expect(documentLinkEntries({ id: 7, status: 'agenda_published' })).toEqual([
      {
        key: 'agenda-combined',
        href: '/api/meetings/7/combined.pdf?kind=agenda',
        label: 'Hent samlet PDF med bilag',
      },
      {
        key: 'agenda-pdf',
        href: '/api/meetings/7/document.pdf?kind=agenda',
        label: 'Hent dagsordenen som PDF',
      },
      {
        key: 'agenda-docx',
        href: '/api/meetings/7/document.docx?kind=agenda',
        label: 'Hent dagsordenen som Word',
      },
    ]);
  });

  it('puts the minutes with Bilag first once they are published, and keeps the agenda', () => {
    const entries = documentLinkEntries({ id: 7, status: 'minutes_published' });
    expect(entries[0]?.href).toBe('/api/meetings/7/combined.pdf?kind=minutes');
    expect(entries.map((entry) => entry.label)).toEqual([
      'Hent samlet PDF med bilag',
      'Hent referatet som PDF',
      'Hent referatet som Word',
      'Hent dagsordenen som PDF',
      'Hent dagsordenen som Word',
    ]);
  });
});
