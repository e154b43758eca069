import { describe, expect, it } from 'vitest';
import {
  emptyMemberRow,
  type MemberRow,
  memberFieldIds,
  memberProblems,
  memberRowsOf,
  membersOf,
} from './member-draft.ts';

const row = (fields: Partial<MemberRow>): MemberRow => ({
  ...emptyMemberRow([]),
  ...fields,
});

describe('the members draft', () => {
  it('reads saved members, receiving both by default', () => {
    expect(
      memberRowsOf([
        {
          name: 'Rikke Blom',
          role: 'Direktør BSV',
          email: 'rikke@kommune.dk',
          deputy: { name: 'Lise Lund', email: 'lise@kommune.dk' },
          receives: { agenda: false, minutes: true },
        },
        { name: 'Jens Andersen', role: null },
      ]),
    ).toEqual([
      {
        key: 1,
        name: 'Rikke Blom',
        role: 'Direktør BSV',
        email: 'rikke@kommune.dk',
        deputyName: 'Lise Lund',
        deputyEmail: 'lise@kommune.dk',
        receivesAgenda: false,
        receivesMinutes: true,
      },
      {
        key: 2,
        name: 'Jens Andersen',
        role: '',
        email: '',
        deputyName: '',
        deputyEmail: '',
        receivesAgenda: true,
        receivesMinutes: true,
      },
    ]);
  });

  it('gives a new row a key no other row has', () => {
    expect(emptyMemberRow([row({ key: 4 }), row({ key: 2 })]).key).toBe(5);
  });

  it('finds nothing wrong with valid rows and an empty last row', () => {
    const rows = [
      row({ key: 1, name: 'Rikke Blom', email: 'rikke@kommune.dk' }),
      row({ key: 2, name: 'Jens', deputyName: 'Lise', deputyEmail: 'lise@kommune.dk' }),
      row({ key: 3 }),
    ];
    expect(memberProblems(rows, 'f')).toEqual([]);
  });

  it('names the member and links the field of each problem, in Danish', () => {
    const rows = [
      row({ key: 1, name: 'Rikke Blom', email: 'rikke@kommune' }),
      row({ key: 2, name: 'Jens', deputyName: 'Lise' }),
      row({ key: 3, name: 'Mette', deputyEmail: 'mette.stedfortræder@kommune.dk' }),
      row({ key: 4, name: 'Ole', deputyName: 'Karin', deputyEmail: 'karin@' }),
      row({ key: 5, email: 'uden@navn.dk' }),
      row({ key: 6, name: 'Rikke Blom' }),
    ];
    expect(memberProblems(rows, 'f')).toEqual([
      {
        fieldId: memberFieldIds('f', { key: 1 }).email,
        message:
          'Rikke Blom (medlem 1): skriv en gyldig e-mailadresse som navn@kommune.dk, eller lad feltet stå tomt.',
      },
      {
        fieldId: memberFieldIds('f', { key: 2 }).deputyEmail,
        message:
          'Jens (medlem 2): skriv stedfortræderens e-mailadresse; stedfortræderen inviteres pr. e-mail.',
      },
      {
        fieldId: memberFieldIds('f', { key: 3 }).deputyName,
        message:
          'Mette (medlem 3): skriv stedfortræderens navn, eller tøm stedfortræderens e-mail.',
      },
      {
        fieldId: memberFieldIds('f', { key: 4 }).deputyEmail,
        message:
          'Ole (medlem 4): stedfortræderens e-mailadresse er ugyldig. Skriv den som navn@kommune.dk.',
      },
      {
        fieldId: memberFieldIds('f', { key: 5 }).name,
        message: 'Skriv navnet på medlem 5, eller fjern rækken.',
      },
      {
        fieldId: memberFieldIds('f', { key: 6 }).name,
        message: 'Rikke Blom står på listen to gange.',
      },
    ]);
  });

  it('sends trimmed members with their choices, and nothing for empty fields', () => {
    expect(
      membersOf([
        row({
          name: ' Rikke Blom ',
          role: ' Direktør ',
          email: ' rikke@kommune.dk ',
          deputyName: 'Lise',
          deputyEmail: 'lise@kommune.dk',
          receivesMinutes: false,
        }),
        row({ name: 'Jens' }),
        row({ name: '   ' }),
      ]),
    ).toEqual([
      {
        name: 'Rikke Blom',
        role: 'Direktør',
        email: 'rikke@kommune.dk',
        deputy: { name: 'Lise', email: 'lise@kommune.dk' },
        receives: { agenda: true, minutes: false },
      },
      {
        name: 'Jens',
        role: null,
        email: null,
        deputy: null,
        receives: { agenda: true, minutes: true },
      },
    ]);
  });
});
