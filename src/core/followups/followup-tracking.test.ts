import { describe, expect, it } from 'vitest';
import {
  dueReminder,
  formatDueRange,
  isNamedOwner,
  isOverdue,
  overdueReminderWindowDays,
  suggestTitle,
} from './followup-tracking.ts';

const open = { state: 'confirmed', status: 'open', dueTo: '2031-06-18' } as const;
const notReminded = { remindedBefore: false, remindedOverdue: false };

describe('tracking follow-ups', () => {
  it('titles a follow-up by its sentence, cut at a word when long', () => {
    expect(suggestTitle('Rikke Blom udarbejder et notat senest d. 18. juni.')).toBe(
      'Rikke Blom udarbejder et notat senest d. 18. juni',
    );
    const long =
      'Cheferne skal indsende deres forslag til besparelser på driften til Bente Poulsen senest d. 21. juni, så de kan indgå i budgettet.';
    const title = suggestTitle(long);
    expect(title).toBe(
      'Cheferne skal indsende deres forslag til besparelser på driften til Bente…',
    );
    expect(title.length).toBeLessThanOrEqual(80);
  });

  it('matches an owner by name whatever the case and spacing, and never an empty one', () => {
    expect(isNamedOwner('rikke  BLOM', ['Rikke Blom'])).toBe(true);
    expect(isNamedOwner('Økonomi', ['økonomi'])).toBe(true);
    expect(isNamedOwner('Rikke Blom', ['Rikke Bloom', ''])).toBe(false);
    expect(isNamedOwner(null, ['Rikke Blom'])).toBe(false);
    expect(isNamedOwner('CF', ['Chefforum', 'CF'])).toBe(true);
  });

  it('counts only a confirmed, open follow-up past its last day as overdue', () => {
    expect(isOverdue(open, '2031-06-18')).toBe(false);
    expect(isOverdue(open, '2031-06-19')).toBe(true);
    expect(isOverdue({ ...open, status: 'done' }, '2031-06-19')).toBe(false);
    expect(isOverdue({ ...open, state: 'suggested' }, '2031-06-19')).toBe(false);
    expect(isOverdue({ ...open, dueTo: null }, '2099-01-01')).toBe(false);
  });

  it('reminds days before the deadline until the day itself, then once it is overdue', () => {
    const remind = (today: string, flags = notReminded, days = 3) =>
      dueReminder({ ...open, ...flags }, today, days);
    expect(remind('2031-06-14')).toBeNull();
    expect(remind('2031-06-15')).toBe('before');
    expect(remind('2031-06-18')).toBe('before');
    expect(remind('2031-06-17', { remindedBefore: true, remindedOverdue: false })).toBeNull();
    expect(remind('2031-06-19', { remindedBefore: true, remindedOverdue: false })).toBe('overdue');
    // A missed "before" is not sent once the deadline has passed.
    expect(remind('2031-06-19')).toBe('overdue');
    expect(remind('2031-06-20', { remindedBefore: true, remindedOverdue: true })).toBeNull();
    expect(remind('2031-06-18', notReminded, 0)).toBe('before');
    expect(remind('2031-06-17', notReminded, 0)).toBeNull();
    // Long after the deadline (past the window of 14 days), no stale alarm.
    expect(overdueReminderWindowDays).toBe(14);
    expect(remind('2031-07-02')).toBe('overdue');
    expect(remind('2031-07-03')).toBeNull();
    expect(dueReminder({ ...open, ...notReminded, status: 'done' }, '2031-06-15', 3)).toBeNull();
  });

  it('writes a due range in Danish', () => {
    expect(formatDueRange({ from: '2017-06-21', to: '2017-06-21' })).toBe('21. juni 2017');
    expect(formatDueRange({ from: '2017-07-01', to: '2017-07-10' })).toBe('1. – 10. juli 2017');
    expect(formatDueRange({ from: '2017-06-21', to: '2017-07-10' })).toBe(
      '21. juni – 10. juli 2017',
    );
    expect(formatDueRange({ from: '2017-12-15', to: '2018-01-15' })).toBe(
      '15. december 2017 – 15. januar 2018',
    );
  });
});
