import { describe, expect, it } from 'vitest';
import {
  itemsWithoutDecision,
  publishConfirmation,
  startConfirmation,
  todayInCopenhagen,
} from './confirmations.ts';

const item = (number: number, title: string, decision: string | null, isStandard = false) => ({
  number,
  title,
  decision,
  isStandard,
});

const workspace = {
  forum: { name: 'Chefforum', visibility: 'internal' as const },
  publications: [
    {
      number: 1,
      kind: 'agenda' as const,
      publishedAt: '',
      author: null,
      reason: null,
      imported: false,
    },
  ],
  items: [
    item(1, 'Godkendelse af dagsorden og referat', 'Godkendt.', true),
    item(2, 'Budget 2019', null),
    item(3, 'Sygefravær', '  '),
    item(4, 'Evt.', null, true),
  ],
};

describe('confirmations before a step that cannot be undone', () => {
  it('says which version the agenda becomes and who can read it', () => {
    const agenda = publishConfirmation(workspace as never, 'agenda');
    expect(agenda.title).toBe('Udsend dagsorden?');
    expect(agenda.lines[0]).toContain('version 2');
    expect(agenda.lines[1]).toContain('Chefforums medlemmer');
    expect(agenda.items).toEqual([]);
  });

  it('lists the items without a Beslutning before the minutes go out, but not Evt.', () => {
    const minutes = publishConfirmation(workspace as never, 'minutes');
    expect(minutes.lines[0]).toContain('version 1');
    expect(minutes.items).toEqual([
      { number: 2, title: 'Budget 2019' },
      { number: 3, title: 'Sygefravær' },
    ]);
    expect(minutes.confirmLabel).toBe('Udsend referatet alligevel');
    expect(itemsWithoutDecision([item(5, 'Evt. (sidste)', null, false)])).toHaveLength(1);
  });

  it('asks before a meeting is started on another day than planned', () => {
    expect(startConfirmation('2026-12-06', '2026-12-06')).toBeNull();
    expect(startConfirmation('2026-12-10', '2026-12-06')?.lines[0]).toBe(
      'Mødet er planlagt til d. 10. december 2026, ikke i dag.',
    );
  });

  it('knows today in Copenhagen, also just after midnight there', () => {
    expect(todayInCopenhagen(new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
    expect(todayInCopenhagen(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
