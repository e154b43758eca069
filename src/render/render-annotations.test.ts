import { describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import type { MeetingAnnotations } from '../core/item-annotations.ts';
import { buildRenderDocument, type RenderItem } from './render-model.ts';

const meeting = makeMeeting([
  makeItem(1, { title: 'Godkendelse af dagsorden', durationMinutes: 5 }),
  makeItem(2, { title: 'Budget 2020', durationMinutes: 20, decision: 'Godkendt.' }),
  makeItem(3, { title: 'Sygefravær (30 min)', durationMinutes: 30, decision: 'Drøftet.' }),
  makeItem(4, {
    title: 'Personalesag NN',
    closed: true,
    durationMinutes: 15,
    decision: 'Fortroligt.',
  }),
  makeItem(5, { title: 'Hvad skal kommunikeres ud til afdelingerne?' }),
]);

const annotations: MeetingAnnotations = {
  items: {
    2: {
      purpose: 'Beslutning',
      guests: [
        { name: 'Jens Hansen', role: 'oplægsholder' },
        { name: 'Anne Holm', role: null },
      ],
      communication: 'Budgettet for 2020 er vedtaget.',
      corrections: [{ date: '2019-03-12', reason: 'Beløbet i beslutningen var forkert.' }],
    },
    3: { purpose: 'Afdække', communication: 'Fraværet falder.' },
    4: {
      purpose: 'Beslutning',
      guests: [{ name: 'Hemmelig Gæst', role: 'advokat' }],
      communication: 'Fortrolig besked.',
      corrections: [{ date: '2019-03-13', reason: 'Navnet på medarbejderen.' }],
    },
  },
  communicationItemNumber: 5,
};

const itemOf = (items: RenderItem[], number: number): RenderItem => {
  const item = items.find((entry) => entry.number === number);
  if (!item) throw new Error(`no item ${number}`);
  return item;
};
const sectionTexts = (item: RenderItem, label: string): string[] =>
  item.sections
    .filter((section) => section.label === label)
    .flatMap((section) => JSON.stringify(section.blocks).match(/"text":"[^"]*"/gu) ?? [])
    .map((text) => text.slice(8, -1));

describe('buildRenderDocument with annotations', () => {
  const minutes = buildRenderDocument(meeting, { annotations });

  it('joins purpose and time in one note, and keeps what the parser reads for Markdown', () => {
    expect(itemOf(minutes.items, 2).notes[0]).toEqual({
      text: 'Beslutning · 20 min',
      interchangeText: 'Varighed: 20 min',
    });
    // The title states the time, so the note gives the purpose alone.
    expect(itemOf(minutes.items, 3).notes[0]).toEqual({ text: 'Afdække', interchangeText: null });
    // No purpose: the time keeps its label, as before annotations.
    expect(itemOf(minutes.items, 1).notes).toEqual([
      { text: 'Varighed: 5 min', interchangeText: 'Varighed: 5 min' },
    ]);
  });

  it('lists the guests before the item’s own text', () => {
    const item = itemOf(minutes.items, 2);
    expect(item.sections[0]).toMatchObject({
      label: 'Deltagere under punktet',
      isAnnotation: true,
    });
    expect(sectionTexts(item, 'Deltagere under punktet')).toEqual([
      'Jens Hansen (oplægsholder)',
      'Anne Holm',
    ]);
  });

  it('gives each message after the decision and gathers them all on the communication item', () => {
    const item = itemOf(minutes.items, 2);
    expect(item.sections.map((section) => section.label)).toEqual([
      'Deltagere under punktet',
      'Beslutning',
      'Kommunikeres ud',
    ]);
    expect(sectionTexts(item, 'Kommunikeres ud')).toEqual(['Budgettet for 2020 er vedtaget.']);
    expect(sectionTexts(itemOf(minutes.items, 5), 'Til afdelingerne')).toEqual([
      'Punkt 2 – Budget 2020: Budgettet for 2020 er vedtaget.',
      'Punkt 3 – Sygefravær (30 min): Fraværet falder.',
      'Punkt 4 – Personalesag NN: Fortrolig besked.',
    ]);
  });

  it('leaves the messages out of an agenda, which has no decisions yet', () => {
    const agenda = buildRenderDocument(meeting, { kind: 'agenda', annotations });
    const labels = agenda.items.flatMap((item) => item.sections.map((section) => section.label));
    expect(labels).not.toContain('Kommunikeres ud');
    expect(labels).not.toContain('Til afdelingerne');
    expect(labels).toContain('Deltagere under punktet');
    expect(itemOf(agenda.items, 2).notes[0]?.text).toBe('Beslutning · 20 min');
  });

  it('notes each correction on its item and lists them all after Mødedato and Mødested', () => {
    expect(itemOf(minutes.items, 2).notes.map((note) => note.text)).toContain(
      'Rettet d. 12. marts 2019: Beløbet i beslutningen var forkert.',
    );
    expect(minutes.facts).toEqual([
      { label: 'Mødedato', values: ['Onsdag d. 14. juni 2017 kl. 13:00'] },
      { label: 'Mødested', values: ['Mødelokale 2'] },
      {
        label: 'Rettelser',
        values: [
          'Punkt 2, rettet d. 12. marts 2019: Beløbet i beslutningen var forkert.',
          'Punkt 4, rettet d. 13. marts 2019: Navnet på medarbejderen.',
        ],
      },
    ]);
  });

  it('shows nothing of a closed item’s annotations to the public', () => {
    const published = buildRenderDocument(meeting, { annotations, isPublic: true });
    const text = JSON.stringify(published);
    expect(text).not.toMatch(/Hemmelig|Fortrolig|medarbejderen|advokat/u);
    expect(itemOf(published.items, 4).notes).toEqual([
      { text: 'Lukket punkt', interchangeText: 'Lukket punkt' },
    ]);
    expect(sectionTexts(itemOf(published.items, 5), 'Til afdelingerne')).toEqual([
      'Punkt 2 – Budget 2020: Budgettet for 2020 er vedtaget.',
      'Punkt 3 – Sygefravær (30 min): Fraværet falder.',
    ]);
    expect(published.facts.at(-1)?.values).toEqual([
      'Punkt 2, rettet d. 12. marts 2019: Beløbet i beslutningen var forkert.',
    ]);
  });

  it('is the plain document without annotations', () => {
    const plain = buildRenderDocument(meeting);
    expect(plain.facts.map((fact) => fact.label)).toEqual(['Mødedato', 'Mødested']);
    expect(plain.items.flatMap((item) => item.sections).every((s) => !s.isAnnotation)).toBe(true);
    expect(itemOf(plain.items, 2).notes).toEqual([
      { text: 'Varighed: 20 min', interchangeText: 'Varighed: 20 min' },
    ]);
  });
});
