import { describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { buildRenderDocument } from './render-model.ts';

describe('buildRenderDocument', () => {
  const meeting = makeMeeting([
    makeItem(1, { title: 'Budget', durationMinutes: 30, decision: 'Godkendt.' }),
    makeItem(2, {
      title: 'Personalesag NN',
      closed: true,
      caseNumber: '81.00.00-G01-1-19',
      decision: 'Fortroligt.',
    }),
  ]);

  it('lays out the house header, headings and notes', () => {
    const document = buildRenderDocument(meeting);
    expect(document.title).toBe('REFERAT Chefforum d. 14-06-2017');
    expect(document.facts).toEqual([
      { label: 'Mødedato', values: ['Onsdag d. 14. juni 2017 kl. 13:00'] },
      { label: 'Mødested', values: ['Mødelokale 2'] },
    ]);
    expect(document.items.map((item) => item.heading)).toEqual([
      'Punkt 1: CF - Budget',
      'Punkt 2: CF - Personalesag NN',
    ]);
    expect(document.items[0]?.notes).toEqual([
      { text: 'Varighed: 30 min', interchangeText: 'Varighed: 30 min' },
    ]);
    expect(document.items[1]?.notes).toEqual([
      { text: 'Lukket punkt', interchangeText: 'Lukket punkt' },
    ]);
  });

  it('leaves out decisions in an agenda', () => {
    const document = buildRenderDocument(meeting, { kind: 'agenda' });
    expect(document.title).toBe('DAGSORDEN Chefforum d. 14-06-2017');
    expect(document.items[0]?.sections.map((section) => section.label)).not.toContain('Beslutning');
  });

  it('hides closed items from the public, title and journal number included', () => {
    const document = buildRenderDocument(meeting, { isPublic: true });
    expect(document.items[1]).toMatchObject({
      heading: 'Punkt 2: CF - Lukket punkt',
      caseNumber: null,
      sections: [],
    });
    expect(JSON.stringify(document)).not.toMatch(/Personalesag|Fortroligt|81\.00/u);
  });

  it('takes the forum abbreviation from the data when given', () => {
    expect(buildRenderDocument(meeting, { forumAbbreviation: 'CHF' }).items[0]?.heading).toBe(
      'Punkt 1: CHF - Budget',
    );
    expect(buildRenderDocument({ ...meeting, forum: 'Økonomiudvalget' }).items[0]?.heading).toBe(
      'Punkt 1: ØU - Budget',
    );
  });
});
