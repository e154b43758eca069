import type { Kysely } from 'kysely';
import type { DatabaseSchema } from './database-schema.ts';

type Executor = Kysely<DatabaseSchema>;

/** What a mail is about: a published version, a moved meeting, or a cancelled one. */
export type MailKind = 'agenda' | 'minutes' | 'invitation' | 'cancellation';

/** Why someone is sent the mail: as a member, or as the deputy of a member with afbud. */
export type RecipientRole = 'member' | 'deputy';

/** Where one recipient's mail stands: on its way, accepted by the mail server, or failed. */
export type MailState = 'sending' | 'sent' | 'failed';

/** One recipient's mail for one outbox event, as recorded. */
export interface StoredMailDelivery {
  id: number;
  eventId: number;
  meetingId: number;
  kind: MailKind;
  publicationNumber: number | null;
  recipientName: string;
  email: string;
  role: RecipientRole;
  subject: string;
  state: MailState;
  error: string | null;
  attemptedAt: string;
  sentAt: string | null;
}

/** A mail about to be sent to one recipient. */
export interface MailClaim {
  eventId: number;
  meetingId: number;
  kind: MailKind;
  publicationNumber: number | null;
  recipientName: string;
  /** In lower case: the unique key compares addresses. */
  email: string;
  role: RecipientRole;
  subject: string;
  hasInvitation: boolean;
}

/**
 * What claiming a recipient found: `claimed` (send it now), `done` (sent, or failed for good),
 * `busy` (another worker is sending it this moment) or `interrupted` (a worker died while
 * sending it, so it may have arrived: it is recorded as failed and never sent again).
 */
export type ClaimOutcome = 'claimed' | 'done' | 'busy' | 'interrupted';

/** The error recorded for a mail whose worker stopped between sending and recording it. */
export const interruptedError =
  'Afsendelsen blev afbrudt; e-mailen kan være modtaget og sendes derfor ikke igen automatisk.';

/**
 * Takes the right to send one recipient's mail for one event, before it is sent: a new row in
 * state 'sending' (the unique key lets only one worker have it), or a failed one that may be
 * tried again. A row still 'sending' after `staleBefore` belonged to a worker that died
 * mid-way; it is given up rather than sent again, since the mail server may have taken it.
 */
export async function claimMailRecipient(
  db: Executor,
  claim: MailClaim,
  options: { now: Date; staleBefore: Date },
): Promise<ClaimOutcome> {
  const now = options.now.toISOString();
  const inserted = await db
    .insertInto('mail_deliveries')
    .values({
      event_id: claim.eventId,
      meeting_id: claim.meetingId,
      kind: claim.kind,
      publication_number: claim.publicationNumber,
      recipient_name: claim.recipientName,
      email: claim.email,
      role: claim.role,
      subject: claim.subject,
      state: 'sending',
      error: null,
      can_retry: 0,
      has_invitation: claim.hasInvitation ? 1 : 0,
      attempted_at: now,
      sent_at: null,
    })
    .onConflict((conflict) => conflict.columns(['event_id', 'email']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return 'claimed';
  const existing = await db
    .selectFrom('mail_deliveries')
    .select(['state', 'can_retry', 'attempted_at'])
    .where('event_id', '=', claim.eventId)
    .where('email', '=', claim.email)
    .executeTakeFirst();
  if (!existing) return 'busy';
  if (existing.state === 'failed' && Number(existing.can_retry) === 1) {
    // Conditional on the state it was read in: of two workers, one gets it.
    const retried = await db
      .updateTable('mail_deliveries')
      .set({
        state: 'sending',
        attempted_at: now,
        subject: claim.subject,
        can_retry: 0,
        has_invitation: claim.hasInvitation ? 1 : 0,
      })
      .where('event_id', '=', claim.eventId)
      .where('email', '=', claim.email)
      .where('state', '=', 'failed')
      .where('attempted_at', '=', existing.attempted_at)
      .executeTakeFirst();
    return Number(retried.numUpdatedRows) === 1 ? 'claimed' : 'busy';
  }
  if (existing.state !== 'sending') return 'done';
  if (existing.attempted_at > options.staleBefore.toISOString()) return 'busy';
  await db
    .updateTable('mail_deliveries')
    .set({ state: 'failed', error: interruptedError, can_retry: 0 })
    .where('event_id', '=', claim.eventId)
    .where('email', '=', claim.email)
    .where('state', '=', 'sending')
    .where('attempted_at', '=', existing.attempted_at)
    .execute();
  return 'interrupted';
}

/** Records that the mail server accepted a recipient's mail. */
export async function markMailSent(
  db: Executor,
  eventId: number,
  email: string,
  sentAt: Date,
): Promise<void> {
  await db
    .updateTable('mail_deliveries')
    .set({ state: 'sent', error: null, can_retry: 0, sent_at: sentAt.toISOString() })
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .execute();
}

/**
 * Records that a recipient's mail failed, with the mail server's words; `canRetry` when a
 * later attempt may succeed (the server was away or answered "try later").
 */
export async function markMailFailed(
  db: Executor,
  eventId: number,
  email: string,
  error: string,
  canRetry: boolean,
): Promise<void> {
  await db
    .updateTable('mail_deliveries')
    .set({ state: 'failed', error: error.slice(0, 1000), can_retry: canRetry ? 1 : 0 })
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .execute();
}

/** A meeting's mails, oldest first. */
export async function listMeetingMailDeliveries(
  db: Executor,
  meetingId: number,
): Promise<StoredMailDelivery[]> {
  const rows = await db
    .selectFrom('mail_deliveries')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    meetingId: row.meeting_id,
    kind: row.kind as MailKind,
    publicationNumber: row.publication_number,
    recipientName: row.recipient_name,
    email: row.email,
    role: row.role as RecipientRole,
    subject: row.subject,
    state: row.state as MailState,
    error: row.error,
    attemptedAt: row.attempted_at,
    sentAt: row.sent_at,
  }));
}

/** Everyone who was sent the meeting's calendar invitation: a cancellation goes to them. */
export async function listInvitedRecipients(
  db: Executor,
  meetingId: number,
): Promise<Array<{ name: string; email: string; role: RecipientRole }>> {
  const rows = await db
    .selectFrom('mail_deliveries')
    .select(['recipient_name', 'email', 'role'])
    .where('meeting_id', '=', meetingId)
    .where('has_invitation', '=', 1)
    .where('state', '=', 'sent')
    .orderBy('id')
    .execute();
  const byAddress = new Map<string, { name: string; email: string; role: RecipientRole }>();
  for (const row of rows)
    if (!byAddress.has(row.email))
      byAddress.set(row.email, {
        name: row.recipient_name,
        email: row.email,
        role: row.role as RecipientRole,
      });
  return [...byAddress.values()];
}

/** The addresses that have been sent the meeting's agenda (any version). */
export async function listAgendaAddresses(db: Executor, meetingId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('mail_deliveries')
    .select('email')
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', 'agenda')
    .where('state', 'in', ['sending', 'sent'])
    .execute();
  return new Set(rows.map((row) => row.email));
}

/** The mail consumer's deliveries of a meeting's events that are not done: waiting or given up. */
export async function listOpenMailEvents(
  db: Executor,
  meetingId: number,
  consumer: string,
): Promise<
  Array<{ eventId: number; type: string; status: 'pending' | 'failed'; lastError: string | null }>
> {
  const rows = await db
    .selectFrom('outbox_deliveries')
    .innerJoin('outbox_events', 'outbox_events.id', 'outbox_deliveries.event_id')
    .select([
      'outbox_events.id',
      'outbox_events.type',
      'outbox_deliveries.status',
      'outbox_deliveries.last_error',
    ])
    .where('outbox_events.meeting_id', '=', meetingId)
    .where('outbox_deliveries.consumer', '=', consumer)
    .where('outbox_deliveries.status', 'in', ['pending', 'failed'])
    .orderBy('outbox_events.id')
    .execute();
  return rows.map((row) => ({
    eventId: row.id,
    type: row.type,
    status: row.status === 'failed' ? 'failed' : 'pending',
    lastError: row.last_error,
  }));
}

/** The calendar invitation a meeting was last sent with. */
export interface StoredInvitation {
  meetingId: number;
  uid: string;
  sequence: number;
  date: string;
  start: string | null;
  location: string | null;
  status: 'confirmed' | 'cancelled';
}

/** The meeting's invitation, or null before one was sent. */
export async function findMeetingInvitation(
  db: Executor,
  meetingId: number,
): Promise<StoredInvitation | null> {
  const row = await db
    .selectFrom('meeting_invitations')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    meetingId: row.meeting_id,
    uid: row.uid,
    sequence: row.sequence,
    date: row.date,
    start: row.start,
    location: row.location,
    status: row.status === 'cancelled' ? 'cancelled' : 'confirmed',
  };
}

/** Records a meeting's first invitation; false when another worker recorded one first. */
export async function insertMeetingInvitation(
  db: Executor,
  invitation: StoredInvitation,
): Promise<boolean> {
  const inserted = await db
    .insertInto('meeting_invitations')
    .values({
      meeting_id: invitation.meetingId,
      uid: invitation.uid,
      sequence: invitation.sequence,
      date: invitation.date,
      start: invitation.start,
      location: invitation.location,
      status: invitation.status,
      updated_at: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.column('meeting_id').doNothing())
    .returning('meeting_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Moves a meeting's invitation to a new sequence, if it is still at `fromSequence`: false when
 * another worker moved it first (the caller reads it again).
 */
export async function updateMeetingInvitation(
  db: Executor,
  invitation: StoredInvitation,
  fromSequence: number,
): Promise<boolean> {
  const updated = await db
    .updateTable('meeting_invitations')
    .set({
      sequence: invitation.sequence,
      date: invitation.date,
      start: invitation.start,
      location: invitation.location,
      status: invitation.status,
      updated_at: new Date().toISOString(),
    })
    .where('meeting_id', '=', invitation.meetingId)
    .where('sequence', '=', fromSequence)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
