import { describe, expect, it } from 'vitest';
import { drawAnnualWheel } from './annual-wheel.ts';
import {
  annualWheelEntries,
  annualWheelMonths,
  describeWheelEntry,
  type WheelEntry,
} from './annual-wheel-entries.ts';

const entries = annualWheelEntries({
  year: 2027,
  meetings: [
    { date: '2027-01-14', status: 'agenda_published' },
    { date: '2027-03-11', status: 'draft' },
    { date: '2027-06-03', status: 'cancelled' },
    { date: '2026-12-10', status: 'minutes_approved' },
  ],
  recurringItems: [
    { id: 1, title: 'Sygefraværsstatistik', rule: { kind: 'quarterly' } },
    { id: 2, title: 'Budgetopfølgning', rule: { kind: 'months', months: [6, 9] } },
  ],
  plannedItems: [
    {
      title: 'Sygefraværsstatistik',
      source: 'annual',
      recurringItemId: 1,
      meetingDate: '2027-01-14',
      dueFrom: null,
      cyclePeriod: '2027:1-2-3',
      isTaken: true,
    },
    {
      title: 'Ny sundhedspolitik <udkast>',
      source: 'return',
      recurringItemId: null,
      meetingDate: null,
      dueFrom: '2027-03-01',
      cyclePeriod: null,
      isTaken: false,
    },
    {
      title: 'Budget 2026',
      source: 'manual',
      recurringItemId: null,
      meetingDate: '2026-12-10',
      dueFrom: null,
      cyclePeriod: null,
      isTaken: false,
    },
  ],
});

describe('the årshjul’s entries', () => {
  it('lists the year’s meetings, planned items and the recurring items not yet planned', () => {
    expect(entries.map((entry) => `${entry.month} ${entry.kind} ${entry.title}`)).toEqual([
      '1 meeting Møde',
      '1 planned Sygefraværsstatistik',
      '3 meeting Møde',
      '3 planned Ny sundhedspolitik <udkast>',
      '4 recurring Sygefraværsstatistik',
      '6 meeting Møde',
      '6 recurring Budgetopfølgning',
      '7 recurring Sygefraværsstatistik',
      '9 recurring Budgetopfølgning',
      '10 recurring Sygefraværsstatistik',
    ]);
  });

  it('says each entry in Danish, and groups them by month for the text alternative', () => {
    expect(entries.map(describeWheelEntry).slice(0, 5)).toEqual([
      'Møde 14. januar 2027 (Dagsorden udsendt)',
      'Planlagt punkt – Sygefraværsstatistik: Fra årshjulet, på dagsordenen',
      'Møde 11. marts 2027 (Kladde)',
      'Planlagt punkt – Ny sundhedspolitik <udkast>: Kommer tilbage, venter i punktbanken',
      'Fast punkt – Sygefraværsstatistik: 2. kvartal, hvert kvartal',
    ]);
    const months = annualWheelMonths(entries);
    expect(months.map((month) => month.name)).toHaveLength(12);
    expect(months[0]).toMatchObject({ month: 1, name: 'januar' });
    expect(months[1]?.entries).toEqual([]);
    expect(months[5]?.entries.map((entry) => entry.kind)).toEqual(['meeting', 'recurring']);
  });
});

describe('drawAnnualWheel', () => {
  const wheel = { year: 2027, forumName: 'Chefforum', entries };

  it('draws the same picture for the same year, named and described for assistive technology', () => {
    const svg = drawAnnualWheel(wheel, { idPrefix: 'hjul' });
    expect(drawAnnualWheel(wheel, { idPrefix: 'hjul' })).toBe(svg);
    expect(svg).toMatch(/^<svg [^>]*role="img" aria-labelledby="hjul-titel hjul-beskrivelse"/u);
    expect(svg).toContain('<title id="hjul-titel">Årshjul 2027 for Chefforum</title>');
    expect(svg).toMatch(
      /<desc id="hjul-beskrivelse">[^<]*3 møder, 2 planlagte punkter og 5 faste punkter/u,
    );
    for (const month of ['Januar', 'Juni', 'December']) expect(svg).toContain(`>${month}</text>`);
    expect(svg.match(/<g class="meeting/gu)).toHaveLength(3);
    expect(svg).toContain('class="meeting meeting-cancelled"');
    // Inlined in a page, the picture's styles must not reach anything but the picture.
    const rules = /<style>(.*)<\/style>/u.exec(svg)?.[1]?.split('}').filter(Boolean) ?? [];
    const selectors = rules.flatMap((rule) => rule.split('{')[0]?.split(',') ?? []);
    expect(selectors.length).toBeGreaterThan(15);
    expect(selectors.filter((selector) => !selector.startsWith('.aarshjul '))).toEqual([]);
    expect(svg).toMatch(/^<svg [^>]*class="aarshjul"/u);
    expect(svg.match(/<g class="entry /gu)).toHaveLength(7);
  });

  it('escapes what the users wrote and keeps characters XML cannot hold out', () => {
    const svg = drawAnnualWheel({
      year: 2027,
      forumName: 'Råd & "Udvalg"',
      entries: [entry('Punkt <script>alert(1)</script>\u0007')],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('\u0007');
    expect(svg).toContain('Råd &amp; &quot;Udvalg&quot;');
    expect(svg).toContain('Punkt &lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('lets each entry take the keyboard focus in the app, and only there', () => {
    expect(drawAnnualWheel(wheel)).not.toContain('tabindex');
    const focusable = drawAnnualWheel(wheel, { hasFocusableEntries: true });
    expect(focusable.match(/<g class="entry [^"]+" tabindex="0"/gu)).toHaveLength(7);
    expect(focusable).toContain(
      '<title>Fast punkt – Budgetopfølgning: juni, i juni og september</title>',
    );
  });

  it('sums up a crowded month and shortens long titles, with the full text in the title', () => {
    const crowded = Array.from({ length: 8 }, (_, index) =>
      entry(`Et meget langt punkt om budgettet nummer ${index + 1}`),
    );
    const svg = drawAnnualWheel({ year: 2027, forumName: 'Chefforum', entries: crowded });
    expect(svg.match(/<g class="entry /gu)).toHaveLength(5);
    expect(svg).toContain('>+ 4 flere</text>');
    expect(svg).toContain('>Et meget langt punkt om bu…</text>');
    expect(svg).toContain('; Fast punkt – Et meget langt punkt om budgettet nummer 8</title>');
  });
});

function entry(title: string): WheelEntry {
  return { kind: 'recurring', month: 5, date: null, title, detail: null };
}
