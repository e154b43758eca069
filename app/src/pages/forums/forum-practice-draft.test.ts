import { describe, expect, it } from 'vitest';
import { purposeOptions } from '../../components/purpose-and-time-fields.tsx';
import {
  addPurpose,
  addStandingItem,
  changeStandingItem,
  moveRow,
  type PracticeDraft,
  practiceChangesOf,
  practiceDraftOf,
  practiceFieldIds,
  practiceProblems,
  removePurpose,
  renamePurpose,
} from './forum-practice-draft.ts';

const ids = practiceFieldIds('f');

const chefforum = practiceDraftOf({
  purposes: ['Udvikle', 'Afdække', 'Debattere', 'Informere'],
  standingItems: [
    { title: 'Aktuelle og pludseligt opståede emner', durationMinutes: 30, purpose: 'Debattere' },
    { title: 'Hvad skal kommunikeres ud til afdelingerne?', durationMinutes: 10, purpose: null },
  ],
});

function keyOf(draft: PracticeDraft, name: string): number {
  const row = draft.purposes.find((purpose) => purpose.name === name);
  if (!row) throw new Error(`no purpose ${name}`);
  return row.key;
}

describe('the forum editor’s purposes and standing items', () => {
  it('saves what it was given unchanged', () => {
    expect(practiceProblems(chefforum, ids)).toEqual([]);
    expect(practiceChangesOf(chefforum)).toEqual({
      purposes: ['Udvikle', 'Afdække', 'Debattere', 'Informere'],
      standingItems: [
        {
          title: 'Aktuelle og pludseligt opståede emner',
          durationMinutes: 30,
          purpose: 'Debattere',
        },
        {
          title: 'Hvad skal kommunikeres ud til afdelingerne?',
          durationMinutes: 10,
          purpose: null,
        },
      ],
    });
  });

  it('carries a renamed purpose into the standing items that use it', () => {
    const renamed = renamePurpose(chefforum, keyOf(chefforum, 'Debattere'), 'Drøfte');
    expect(practiceChangesOf(renamed).standingItems[0]?.purpose).toBe('Drøfte');
    // Emptied while being retyped, the standing item still holds on to it.
    const retyped = renamePurpose(
      renamePurpose(chefforum, keyOf(chefforum, 'Debattere'), ''),
      keyOf(chefforum, 'Debattere'),
      'Debattere',
    );
    expect(practiceChangesOf(retyped).standingItems[0]?.purpose).toBe('Debattere');
  });

  it('says which standing items lose their purpose when it is removed', () => {
    const { draft, clearedTitles } = removePurpose(chefforum, keyOf(chefforum, 'Debattere'));
    expect(clearedTitles).toEqual(['Aktuelle og pludseligt opståede emner']);
    expect(practiceChangesOf(draft)).toMatchObject({
      purposes: ['Udvikle', 'Afdække', 'Informere'],
      standingItems: [{ purpose: null }, { purpose: null }],
    });
  });

  it('moves a row up or down, and not past the ends', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('names each problem in Danish and links it to its field', () => {
    let draft = addPurpose(chefforum);
    const emptyKey = draft.purposes.at(-1)?.key ?? 0;
    draft = renamePurpose(draft, keyOf(draft, 'Informere'), ' afdække ');
    draft = addStandingItem(draft);
    const standingKey = draft.standingItems.at(-1)?.key ?? 0;
    draft = changeStandingItem(draft, standingKey, { minutes: '2' });
    expect(practiceProblems(draft, ids)).toEqual([
      { fieldId: ids.purpose(keyOf(draft, ' afdække ')), message: expect.any(String) },
      { fieldId: ids.purpose(emptyKey), message: 'Skriv et navn på formål 5, eller fjern det.' },
      {
        fieldId: ids.standingTitle(standingKey),
        message: 'Skriv en titel på fast punkt 3, eller fjern det.',
      },
      {
        fieldId: ids.standingMinutes(standingKey),
        message: 'Tiden for fast punkt 3 skal være et helt antal minutter mellem 5 og 600.',
      },
    ]);
    expect(practiceProblems(draft, ids)[0]?.message).toBe(
      'Formålet "afdække" står to gange. Ret eller fjern det ene.',
    );
  });

  it('asks for at least one purpose, and for no more than the server takes', () => {
    const none = practiceDraftOf({ purposes: [], standingItems: [] });
    expect(practiceProblems(none, ids)).toEqual([
      { fieldId: ids.addPurpose, message: 'Forummet skal have mindst ét formål.' },
    ]);
    const many = practiceDraftOf({
      purposes: Array.from({ length: 13 }, (_, index) => `Formål ${index + 1}`),
      standingItems: Array.from({ length: 11 }, (_, index) => ({
        title: `Punkt ${index + 1}`,
        durationMinutes: null,
        purpose: null,
      })),
    });
    expect(practiceProblems(many, ids).map((problem) => problem.message)).toEqual([
      'Forummet kan højst have 12 formål.',
      'Forummet kan højst have 10 faste punkter.',
    ]);
  });

  it('leaves out an empty time, and keeps a whole number of minutes', () => {
    const draft = changeStandingItem(chefforum, chefforum.standingItems[1]?.key ?? 0, {
      minutes: ' ',
    });
    expect(practiceChangesOf(draft).standingItems[1]?.durationMinutes).toBeNull();
    const odd = changeStandingItem(chefforum, chefforum.standingItems[1]?.key ?? 0, {
      minutes: '12.5',
    });
    expect(practiceProblems(odd, ids)).toHaveLength(1);
  });
});

describe('purposeOptions', () => {
  it('offers the forum’s purposes in its order', () => {
    expect(purposeOptions(['Udvikle', 'Afdække'], null).map((option) => option.value)).toEqual([
      'Udvikle',
      'Afdække',
    ]);
  });

  it('keeps an item’s purpose the forum has dropped, and names an old key in words', () => {
    expect(purposeOptions(['Udvikle'], 'beslutning')).toEqual([
      { value: 'Udvikle', label: 'Udvikle' },
      { value: 'Beslutning', label: 'Beslutning (ikke længere på forummets liste)' },
    ]);
    expect(purposeOptions(['Beslutning'], 'beslutning')).toEqual([
      { value: 'Beslutning', label: 'Beslutning' },
    ]);
    // Without the forum's list (the fallback) nothing is said about what the forum dropped.
    expect(purposeOptions(['Orientering'], 'Afdække', false)).toEqual([
      { value: 'Orientering', label: 'Orientering' },
      { value: 'Afdække', label: 'Afdække' },
    ]);
  });
});
