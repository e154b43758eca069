import { describe, expect, test } from 'vitest';
import type { EditableItem } from '../../api/types.ts';
import {
  changesBetween,
  describeField,
  draftFromItem,
  editableFields,
  fieldLabels,
  fieldsOfDraft,
  hasSameContent,
  type ItemDraft,
} from './item-draft.ts';

function storedItem(overrides: Partial<EditableItem> = {}): EditableItem {
  return {
    id: 5,
    version: 3,
    number: 2,
    title: 'Budget 2025',
    caseNumber: '00.01.00-A00-3-17',
    closed: false,
    durationMinutes: 30,
    purpose: 'beslutning',
    isStandard: false,
    background: 'Anledning',
    presentation: 'Sagsfremstilling',
    recommendation: { proposer: 'Direktøren', points: ['at budgettet godkendes'] },
    decision: null,
    absent: [],
    guests: [],
    communication: null,
    attachments: [],
    ...overrides,
  };
}

function emptyItem(): EditableItem {
  return storedItem({
    caseNumber: null,
    durationMinutes: null,
    purpose: null,
    background: null,
    presentation: null,
    recommendation: null,
    decision: null,
  });
}

describe('draftFromItem', () => {
  test('holds every field as the inputs show it', () => {
    expect(draftFromItem(storedItem({ decision: 'Godkendt.', closed: true }))).toEqual({
      title: 'Budget 2025',
      caseNumber: '00.01.00-A00-3-17',
      purpose: 'beslutning',
      durationMinutes: '30',
      closed: true,
      background: 'Anledning',
      presentation: 'Sagsfremstilling',
      proposer: 'Direktøren',
      points: ['at budgettet godkendes'],
      decision: 'Godkendt.',
      guests: [],
      communication: '',
    });
  });

  test('holds the guests and the message', () => {
    const draft = draftFromItem(
      storedItem({
        guests: [
          { name: 'Jens Hansen', role: 'oplægsholder' },
          { name: 'Mette Berg', role: null },
        ],
        communication: 'Statistikken kommer kvartalsvis.',
      }),
    );
    expect(draft.guests).toEqual([
      { name: 'Jens Hansen', role: 'oplægsholder' },
      { name: 'Mette Berg', role: null },
    ]);
    expect(draft.communication).toBe('Statistikken kommer kvartalsvis.');
  });

  test('turns missing values into empty inputs', () => {
    expect(draftFromItem(emptyItem())).toEqual({
      title: 'Budget 2025',
      caseNumber: '',
      purpose: '',
      durationMinutes: '',
      closed: false,
      background: '',
      presentation: '',
      proposer: '',
      points: [],
      decision: '',
      guests: [],
      communication: '',
    });
  });

  test('copies the points and guests, so editing the draft leaves the item alone', () => {
    const item = storedItem({ guests: [{ name: 'Jens Hansen', role: null }] });
    const draft = draftFromItem(item);
    draft.points.push('at noget andet');
    draft.guests.push({ name: 'Mette Berg', role: null });
    const [guest] = draft.guests;
    if (guest) guest.role = 'oplægsholder';
    expect(item.recommendation?.points).toEqual(['at budgettet godkendes']);
    expect(item.guests).toEqual([{ name: 'Jens Hansen', role: null }]);
  });
});

describe('fieldsOfDraft', () => {
  const draft = (overrides: Partial<ItemDraft> = {}): ItemDraft => ({
    ...draftFromItem(emptyItem()),
    ...overrides,
  });

  test('stores empty and blank texts as null and trims title and journal number', () => {
    expect(
      fieldsOfDraft(
        draft({ title: '  Budget  ', caseNumber: '  ', background: ' \n ', decision: '' }),
      ),
    ).toEqual({
      title: 'Budget',
      caseNumber: null,
      purpose: null,
      durationMinutes: null,
      closed: false,
      background: null,
      presentation: null,
      recommendation: null,
      guests: [],
      decision: null,
      communication: null,
    });
    expect(fieldsOfDraft(draft({ caseNumber: ' 15/13392 ' })).caseNumber).toBe('15/13392');
  });

  test('trims guests, drops those without a name and stores a blank role as null', () => {
    expect(
      fieldsOfDraft(
        draft({
          guests: [
            { name: ' Jens Hansen ', role: ' oplægsholder ' },
            { name: '  ', role: 'gæst' },
            { name: 'Mette Berg', role: '  ' },
            { name: 'Ole Krog', role: null },
          ],
        }),
      ).guests,
    ).toEqual([
      { name: 'Jens Hansen', role: 'oplægsholder' },
      { name: 'Mette Berg', role: null },
      { name: 'Ole Krog', role: null },
    ]);
  });

  test('trims the message as the server does, and stores a blank one as null', () => {
    expect(fieldsOfDraft(draft({ communication: '  Ny statistik.\n' })).communication).toBe(
      'Ny statistik.',
    );
    expect(fieldsOfDraft(draft({ communication: ' \n ' })).communication).toBeNull();
  });

  test('keeps long texts exactly as typed when they are not blank', () => {
    expect(fieldsOfDraft(draft({ presentation: '  Linje 1\n\nLinje 2\n' })).presentation).toBe(
      '  Linje 1\n\nLinje 2\n',
    );
  });

  test.each([
    ['45', 45],
    [' 20 ', 20],
    ['0', null],
    ['-5', null],
    ['1.5', null],
    ['1,5', null],
    ['abc', null],
    ['', null],
  ])('time "%s" → %s', (durationMinutes, expected) => {
    expect(fieldsOfDraft(draft({ durationMinutes })).durationMinutes).toBe(expected);
  });

  test('trims the Indstilling and drops empty points', () => {
    expect(
      fieldsOfDraft(draft({ proposer: ' Direktøren ', points: [' at a ', '', '  ', 'at b'] }))
        .recommendation,
    ).toEqual({ proposer: 'Direktøren', points: ['at a', 'at b'] });
  });

  test('keeps an Indstilling with points but no proposer, or a proposer without points', () => {
    expect(fieldsOfDraft(draft({ points: ['at a'] })).recommendation).toEqual({
      proposer: '',
      points: ['at a'],
    });
    expect(fieldsOfDraft(draft({ proposer: 'Direktøren' })).recommendation).toEqual({
      proposer: 'Direktøren',
      points: [],
    });
  });

  test('gives no Indstilling when proposer and points are blank', () => {
    expect(fieldsOfDraft(draft({ proposer: ' ', points: [' ', ''] })).recommendation).toBeNull();
  });
});

describe('changesBetween', () => {
  test('is empty for an untouched draft', () => {
    const item = storedItem({ decision: 'Godkendt.' });
    expect(changesBetween(draftFromItem(item), item)).toEqual({});
  });

  test('holds only the fields that differ, in their stored form', () => {
    const item = storedItem();
    const draft: ItemDraft = {
      ...draftFromItem(item),
      title: 'Budget 2026 ',
      durationMinutes: '',
      closed: true,
      points: ['at budgettet godkendes', 'at der følges op'],
    };
    expect(changesBetween(draft, item)).toEqual({
      title: 'Budget 2026',
      durationMinutes: null,
      closed: true,
      recommendation: {
        proposer: 'Direktøren',
        points: ['at budgettet godkendes', 'at der følges op'],
      },
    });
  });

  test('ignores changes that store the same value', () => {
    const item = storedItem();
    const draft: ItemDraft = {
      ...draftFromItem(item),
      title: '  Budget 2025 ',
      caseNumber: '00.01.00-A00-3-17  ',
      durationMinutes: ' 30',
      points: ['at budgettet godkendes', '  '],
    };
    expect(changesBetween(draft, item)).toEqual({});
  });

  test('sends the whole guest list when a guest is added or removed', () => {
    const item = storedItem({ guests: [{ name: 'Jens Hansen', role: 'oplægsholder' }] });
    const added: ItemDraft = {
      ...draftFromItem(item),
      guests: [...item.guests, { name: 'Mette Berg', role: null }],
    };
    expect(changesBetween(added, item)).toEqual({
      guests: [
        { name: 'Jens Hansen', role: 'oplægsholder' },
        { name: 'Mette Berg', role: null },
      ],
    });
    expect(changesBetween({ ...draftFromItem(item), guests: [] }, item)).toEqual({ guests: [] });
  });

  test('sends a changed message, and null for a cleared one', () => {
    const item = storedItem({ communication: 'Gammel besked.' });
    expect(changesBetween({ ...draftFromItem(item), communication: 'Ny besked.' }, item)).toEqual({
      communication: 'Ny besked.',
    });
    expect(changesBetween({ ...draftFromItem(item), communication: ' ' }, item)).toEqual({
      communication: null,
    });
    expect(
      changesBetween({ ...draftFromItem(item), communication: ' Gammel besked. ' }, item),
    ).toEqual({});
  });

  test('clears a field by sending null', () => {
    const item = storedItem();
    expect(changesBetween({ ...draftFromItem(item), background: '', purpose: '' }, item)).toEqual({
      background: null,
      purpose: null,
    });
  });
});

describe('hasSameContent', () => {
  test('ignores the version and the Bilag', () => {
    const one = storedItem();
    const other = storedItem({
      version: 9,
      attachments: [
        {
          id: 1,
          title: 'Bilag',
          fileName: null,
          mediaType: null,
          size: null,
          url: null,
          isPublic: true,
          textStatus: null,
        },
      ],
    });
    expect(hasSameContent(one, other)).toBe(true);
  });

  test('sees a changed text', () => {
    expect(hasSameContent(storedItem(), storedItem({ decision: 'Udsat.' }))).toBe(false);
    expect(hasSameContent(storedItem(), storedItem({ closed: true }))).toBe(false);
  });

  test('sees a guest or a message added in meeting mode', () => {
    expect(
      hasSameContent(storedItem(), storedItem({ guests: [{ name: 'Jens Hansen', role: null }] })),
    ).toBe(false);
    expect(hasSameContent(storedItem(), storedItem({ communication: 'Besked.' }))).toBe(false);
  });
});

describe('describeField', () => {
  const draft = draftFromItem(
    storedItem({
      decision: 'Godkendt.',
      guests: [
        { name: 'Jens Hansen', role: 'oplægsholder' },
        { name: 'Mette Berg', role: null },
      ],
      communication: 'Statistikken kommer kvartalsvis.',
    }),
  );
  const empty = draftFromItem(emptyItem());

  test('describes every field of a filled draft', () => {
    expect(
      Object.fromEntries(editableFields.map((field) => [field, describeField(field, draft)])),
    ).toEqual({
      title: 'Budget 2025',
      caseNumber: '00.01.00-A00-3-17',
      purpose: 'Beslutning',
      durationMinutes: '30 min',
      closed: 'Nej',
      guests: 'Jens Hansen (oplægsholder)\nMette Berg',
      background: 'Anledning',
      presentation: 'Sagsfremstilling',
      recommendation: 'Direktøren indstiller,\n1. at budgettet godkendes',
      decision: 'Godkendt.',
      communication: 'Statistikken kommer kvartalsvis.',
    });
  });

  test('writes "(tom)" for empty fields and "Ja" for a closed item', () => {
    for (const field of editableFields.filter((name) => name !== 'closed' && name !== 'title'))
      expect(describeField(field, empty)).toBe('(tom)');
    expect(describeField('title', { ...empty, title: ' ' })).toBe('(tom)');
    expect(describeField('closed', { ...empty, closed: true })).toBe('Ja');
  });

  test('numbers the points of the Indstilling', () => {
    expect(
      describeField('recommendation', {
        ...empty,
        proposer: 'Borgmesteren',
        points: ['at a', 'at b'],
      }),
    ).toBe('Borgmesteren indstiller,\n1. at a\n2. at b');
  });

  test.each([
    ['orientering', 'Orientering'],
    ['droftelse', 'Drøftelse'],
    ['beslutning', 'Beslutning'],
    ['Afdække', 'Afdække'],
  ] as const)('purpose %s → %s', (purpose, label) => {
    expect(describeField('purpose', { ...empty, purpose })).toBe(label);
  });
});

describe('fieldLabels', () => {
  test('names every editable field in Danish', () => {
    expect(Object.keys(fieldLabels).sort()).toEqual([...editableFields].sort());
    expect(fieldLabels.decision).toBe('Beslutning');
    expect(fieldLabels.background).toBe('Anledning');
    expect(fieldLabels.guests).toBe('Gæster og oplægsholdere');
    expect(fieldLabels.communication).toBe('Kommunikeres ud');
  });
});
