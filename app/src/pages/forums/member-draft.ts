import { isValidEmailAddress } from '../../../../src/core/email-address.ts';
import type { ForumMember } from '../../api/types.ts';
import type { FormProblem } from '../../components/error-summary.tsx';

/**
 * The forum editor's draft of the members: one row per member with the texts as typed, so a
 * half-written address stays on screen until it is fixed. The same address rule as the server
 * (core/email-address) decides what is valid, so a problem shows before anything is sent.
 */

/** One member being edited. */
export interface MemberRow {
  /** Survives removing the rows above it, so React and the field ids keep to the row. */
  key: number;
  name: string;
  role: string;
  email: string;
  deputyName: string;
  deputyEmail: string;
  receivesAgenda: boolean;
  receivesMinutes: boolean;
}

/** The rows of a saved forum's members; a new member receives both unless unticked. */
export function memberRowsOf(members: readonly ForumMember[]): MemberRow[] {
  return members.map((member, index) => ({
    key: index + 1,
    name: member.name,
    role: member.role ?? '',
    email: member.email ?? '',
    deputyName: member.deputy?.name ?? '',
    deputyEmail: member.deputy?.email ?? '',
    receivesAgenda: member.receives?.agenda ?? true,
    receivesMinutes: member.receives?.minutes ?? true,
  }));
}

/** An empty row for "Tilføj medlem", with a key no other row has. */
export function emptyMemberRow(rows: readonly MemberRow[]): MemberRow {
  return {
    key: Math.max(0, ...rows.map((row) => row.key)) + 1,
    name: '',
    role: '',
    email: '',
    deputyName: '',
    deputyEmail: '',
    receivesAgenda: true,
    receivesMinutes: true,
  };
}

/** The ids of a row's fields, for labels and for the error summary's links. */
export function memberFieldIds(baseId: string, row: Pick<MemberRow, 'key'>) {
  const prefix = `${baseId}-member-${row.key}`;
  return {
    name: `${prefix}-name`,
    role: `${prefix}-role`,
    email: `${prefix}-email`,
    deputyName: `${prefix}-deputy-name`,
    deputyEmail: `${prefix}-deputy-email`,
    receivesAgenda: `${prefix}-agenda`,
  };
}

/** What is wrong with the rows, in Danish, each linked to its field. */
export function memberProblems(rows: readonly MemberRow[], baseId: string): FormProblem[] {
  const problems: FormProblem[] = [];
  const names = new Set<string>();
  rows.forEach((row, index) => {
    const ids = memberFieldIds(baseId, row);
    const name = row.name.trim();
    const who = name ? `${name} (medlem ${index + 1})` : `Medlem ${index + 1}`;
    const hasOther = [row.role, row.email, row.deputyName, row.deputyEmail].some((text) =>
      text.trim(),
    );
    if (!name) {
      if (hasOther)
        problems.push({
          fieldId: ids.name,
          message: `Skriv navnet på medlem ${index + 1}, eller fjern rækken.`,
        });
      return;
    }
    if (names.has(name))
      problems.push({ fieldId: ids.name, message: `${name} står på listen to gange.` });
    names.add(name);
    if (row.email.trim() && !isValidEmailAddress(row.email))
      problems.push({
        fieldId: ids.email,
        message: `${who}: skriv en gyldig e-mailadresse som navn@kommune.dk, eller lad feltet stå tomt.`,
      });
    const deputyName = row.deputyName.trim();
    const deputyEmail = row.deputyEmail.trim();
    if (deputyEmail && !deputyName)
      problems.push({
        fieldId: ids.deputyName,
        message: `${who}: skriv stedfortræderens navn, eller tøm stedfortræderens e-mail.`,
      });
    if (deputyName && !deputyEmail)
      problems.push({
        fieldId: ids.deputyEmail,
        message: `${who}: skriv stedfortræderens e-mailadresse; stedfortræderen inviteres pr. e-mail.`,
      });
    if (deputyEmail && !isValidEmailAddress(deputyEmail))
      problems.push({
        fieldId: ids.deputyEmail,
        message: `${who}: stedfortræderens e-mailadresse er ugyldig. Skriv den som navn@kommune.dk.`,
      });
  });
  return problems;
}

/** The members as the server takes them (`PUT /api/forums/:id`); rows without a name are left out. */
export function membersOf(rows: readonly MemberRow[]): ForumMember[] {
  return rows
    .filter((row) => row.name.trim())
    .map((row) => {
      const deputyName = row.deputyName.trim();
      const deputyEmail = row.deputyEmail.trim();
      return {
        name: row.name.trim(),
        role: row.role.trim() || null,
        email: row.email.trim() || null,
        deputy: deputyName && deputyEmail ? { name: deputyName, email: deputyEmail } : null,
        receives: { agenda: row.receivesAgenda, minutes: row.receivesMinutes },
      };
    });
}
