import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgendaItem, createEmptyItem, type Meeting } from '../meeting.ts';
import { extractFollowups } from './extract-followups.ts';
import { followupSchema } from './followup.ts';

function item(number: number, decision: string, points?: string[]): AgendaItem {
  return {
    ...createEmptyItem(number, `Punkt ${number}`),
    decision,
    recommendation: points ? { proposer: 'Kommunaldirektøren', points } : null,
  };
}

function meeting(items: AgendaItem[], fields: Partial<Meeting> = {}): Meeting {
  return { forum: 'Chefforum', kind: 'minutes', date: '2017-06-14', items, ...fields };
}

describe('extractFollowups', () => {
  it('finds who does what by when', () => {
    const result = extractFollowups(
      meeting([
        item(
          3,
          'Der mangler stadig forslag. Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.',
        ),
      ]),
    );
    expect(result).toEqual({
      followups: [
        {
          item: 3,
          kind: 'task',
          owner: 'Cheferne',
          recipient: 'Bente Poulsen',
          due: { from: '2017-06-21', to: '2017-06-21' },
          text: 'Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.',
        },
      ],
      warnings: [],
    });
  });

  it('finds the items that come back', () => {
    const { followups } = extractFollowups(
      meeting([
        item(2, 'Mie kommer tilbage med et oplæg på chefforum, når hun er længere i processen.'),
        item(4, 'Direktørforum vender tilbage med en plan herfor.'),
        item(5, 'Punktet drøftes på Chefforum d. 27. april.'),
        item(6, 'Sagen genoptages.'),
      ]),
    );
    expect(followups.map(({ item, kind, owner, due }) => ({ item, kind, owner, due }))).toEqual([
      { item: 2, kind: 'return', owner: 'Mie', due: undefined },
      { item: 4, kind: 'return', owner: 'Direktørforum', due: undefined },
      { item: 5, kind: 'return', owner: undefined, due: { from: '2018-04-27', to: '2018-04-27' } },
      { item: 6, kind: 'return', owner: undefined, due: undefined },
    ]);
  });

  it('finds nothing in facts and past actions', () => {
    const { followups } = extractFollowups(
      meeting([
        item(
          1,
          'Chefforum drøftede oplægget. Orienteringen blev taget til efterretning. Ingelise har undersøgt sagen. Vi skal være konkrete.',
        ),
      ]),
    );
    expect(followups).toEqual([]);
  });

  it('reads the recommendation’s points only once the decision adopts them', () => {
    const points = ['at chefforum godkender planen,', 'at HR udarbejder en kommunikationsplan.'];
    const adopted = extractFollowups(
      meeting([item(4, 'Chefforum godkendte indstillingen.', points)]),
    );
    expect(adopted.followups).toEqual([
      { item: 4, kind: 'task', owner: 'HR', text: 'at HR udarbejder en kommunikationsplan.' },
    ]);
    const discussed = extractFollowups(meeting([item(4, 'Chefforum drøftede planen.', points)]));
    expect(discussed.followups).toEqual([]);
  });

  it('warns about a weekday that misses its date and sets no due', () => {
    const { followups, warnings } = extractFollowups(
      meeting([item(7, 'Cheferne opdaterer status onsdag d. 15. juni.')]),
    );
    expect(followups).toEqual([
      {
        item: 7,
        kind: 'task',
        owner: 'Cheferne',
        text: 'Cheferne opdaterer status onsdag d. 15. juni.',
      },
    ]);
    expect(warnings).toEqual([
      'Punkt 7: 15. juni 2017 er en torsdag, ikke en onsdag; fristen er ikke sat («Cheferne opdaterer status onsdag d. 15. juni.»)',
    ]);
  });

  it('dates "næste møde" by the forum’s calendar when it is given', () => {
    const minutes = meeting([item(2, 'Sagen tages op igen på næste møde.')]);
    expect(extractFollowups(minutes).followups[0]?.due).toBeUndefined();
    const dated = extractFollowups(minutes, { futureMeetingDates: ['2017-08-17', '2017-06-28'] });
    expect(dated.followups[0]?.due).toEqual({ from: '2017-06-28', to: '2017-06-28' });
  });

  it('gives a task and a return when someone acts and then comes back', () => {
    const { followups } = extractFollowups(
      meeting([
        item(
          6,
          'Chefforum besluttede at Digitaliseringsrådet afprøver prioritering efter kriterier og fremlægger eventuelle dilemmaer til fremtidig drøftelse i chefforum.',
        ),
      ]),
    );
    expect(followups.map((followup) => [followup.kind, followup.owner])).toEqual([
      ['return', 'Digitaliseringsrådet'],
      ['task', 'Digitaliseringsrådet'],
    ]);
  });

  it('completes a task from an action list’s "Ansvarlig:" and "Frist:" lines', () => {
    const { followups } = extractFollowups(
      meeting([
        item(3, 'Der udarbejdes en ny procedure. Ansvarlig: Kvalitetsenheden. Frist: 1. august.'),
      ]),
    );
    expect(followups).toEqual([
      {
        item: 3,
        kind: 'task',
        owner: 'Kvalitetsenheden',
        due: { from: '2017-08-01', to: '2017-08-01' },
        text: 'Der udarbejdes en ny procedure.',
      },
    ]);
  });

  it('gives only valid follow-ups, each from a sentence of its own item', () => {
    const sentences = [
      'Cheferne skal indsende forslag senest d. 21.juni.',
      'Chefforum drøftede oplægget.',
      'Mie kommer tilbage med et oplæg.',
      'Teksten opdateres.',
      'Vi skal huske det.',
      'Notatet sendes onsdag d. 15. juni.',
      'Der igangsættes en plan i uge 36.',
      'Sagen genoptages på næste møde.',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (decisions) => {
          const items = decisions.map((chosen, index) => item(index + 1, chosen.join(' ')));
          const { followups } = extractFollowups(meeting(items));
          for (const followup of followups) {
            expect(followupSchema.safeParse(followup).success).toBe(true);
            expect(items[followup.item - 1]?.decision).toContain(followup.text);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
