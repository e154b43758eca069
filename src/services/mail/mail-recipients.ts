import type { UserActor } from '../../core/actor.ts';
import type { ForumMember } from '../../store/forum-store.ts';
import type { RecipientRole } from '../../store/mail-store.ts';

/** Someone a mail goes to, and why. */
export interface Recipient {
  name: string;
  /** In lower case: one mail per address per event, however many roles it has. */
  email: string;
  role: RecipientRole;
  /** For a deputy: the member with afbud whose place they take. */
  deputyFor: string | null;
  /** For a member: the member has sent afbud (the mail says so, and names the deputy). */
  hasSentApologies: boolean;
  /** For a member with afbud: the deputy who is invited instead. */
  deputyName: string | null;
}

/**
 * Who is sent the agenda: every member who wants it and has an address (a member with afbud
 * too: they may still follow the meeting), and the deputy of each member with afbud, who is
 * invited whatever the member chose to receive. One mail per address.
 */
export function agendaRecipients(
  members: readonly ForumMember[],
  absentNames: ReadonlySet<string>,
): Recipient[] {
  const recipients: Recipient[] = [];
  for (const member of members) {
    if (!member.email || !member.receives.agenda) continue;
    const hasSentApologies = absentNames.has(member.name);
    recipients.push({
      name: member.name,
      email: member.email.toLowerCase(),
      role: 'member',
      deputyFor: null,
      hasSentApologies,
      deputyName: hasSentApologies ? (member.deputy?.name ?? null) : null,
    });
  }
  return uniqueByAddress([...recipients, ...deputyRecipients(members, absentNames)]);
}

/** The deputies of the members with afbud. */
export function deputyRecipients(
  members: readonly ForumMember[],
  absentNames: ReadonlySet<string>,
): Recipient[] {
  return uniqueByAddress(
    members.flatMap((member) =>
      member.deputy && absentNames.has(member.name)
        ? [
            {
              name: member.deputy.name,
              email: member.deputy.email.toLowerCase(),
              role: 'deputy' as const,
              deputyFor: member.name,
              hasSentApologies: false,
              deputyName: null,
            },
          ]
        : [],
    ),
  );
}

/** Who is sent the minutes: every member who wants them and has an address. */
export function minutesRecipients(members: readonly ForumMember[]): Recipient[] {
  return uniqueByAddress(
    members
      .filter((member) => member.email && member.receives.minutes)
      .map((member) => ({
        name: member.name,
        email: (member.email ?? '').toLowerCase(),
        role: 'member' as const,
        deputyFor: null,
        hasSentApologies: false,
        deputyName: null,
      })),
  );
}

/** The first recipient of each address (a member before a deputy of the same address). */
export function uniqueByAddress(recipients: readonly Recipient[]): Recipient[] {
  const seen = new Set<string>();
  return recipients.filter((recipient) => {
    if (seen.has(recipient.email)) return false;
    seen.add(recipient.email);
    return true;
  });
}

/** The people absent from every item: those who sent afbud for the whole meeting. */
export function namesWithApologies(
  items: readonly { absent: readonly { name: string }[] }[],
): Set<string> {
  const [first, ...rest] = items;
  if (!first) return new Set();
  return new Set(
    first.absent
      .map((person) => person.name)
      .filter((name) => rest.every((item) => item.absent.some((other) => other.name === name))),
  );
}
/**
 * Who the mail reads the meeting as: a member of its forum. Members see closed items, and the
 * mail goes only to the forum's members (and to deputies, who stand in for one).
 */
export function mailReader(forumId: number): UserActor {
  return {
    kind: 'user',
    userId: null,
    name: 'Udsendelse pr. e-mail',
    isAdministrator: false,
    forumRoles: { [forumId]: 'member' },
    address: null,
  };
}
