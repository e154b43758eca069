import type { DomainEvent } from '../../core/domain-events.ts';
import { meetingEventUid } from '../../core/icalendar.ts';
import { meetingCalendarMinutes } from '../../core/meeting-calendar.ts';
import { toMeetingStatus } from '../../core/meeting-lifecycle.ts';
import { type ForumMember, findForum, listForumMembers } from '../../store/forum-store.ts';
import { loadStoredItems, type StoredItem } from '../../store/item-store.ts';
import {
  findMeetingInvitation,
  insertMeetingInvitation,
  listAgendaAddresses,
  listInvitedRecipients,
  type MailKind,
  type StoredInvitation,
  updateMeetingInvitation,
} from '../../store/mail-store.ts';
import { findMeetingRecord, type MeetingRecord } from '../../store/meeting-store.ts';
import type { ClaimedDelivery } from '../../store/outbox-store.ts';
import { listPublications } from '../../store/publication-store.ts';
import { loadCalendarSequences } from '../feed-service.ts';
import { listPublicationHistory } from '../publication-service.ts';
import type { MeetingFacts } from './mail-messages.ts';
import {
  agendaRecipients,
  deputyRecipients,
  mailReader,
  minutesRecipients,
  namesWithApologies,
  type Recipient,
  uniqueByAddress,
} from './mail-recipients.ts';
import { sendMailPlan } from './mail-sender.ts';
import type { MailContext, MailPlan } from './mail-types.ts';

/**
 * Handles one outbox delivery: works out from the event and the meeting as it is now whom to
 * send what, then sends it to each recipient at most once (see sendMailPlan). Throws when a
 * recipient should be tried again later, which makes the worker retry with back-off.
 */
export async function deliverMail(context: MailContext, delivery: ClaimedDelivery): Promise<void> {
  const plan = await planMail(context, delivery.event);
  if (!plan || plan.recipients.length === 0) return;
  await sendMailPlan(context, delivery.eventId, plan);
}

/** The mail an event calls for, or null when it calls for none. */
export async function planMail(context: MailContext, event: DomainEvent): Promise<MailPlan | null> {
  if (event.meetingId === null) return null;
  const db = context.archive.database.db;
  const meeting = await findMeetingRecord(db, event.meetingId);
  if (!meeting) return null;
  const forum = await findForum(db, meeting.forumId);
  if (!forum) return null;
  const facts: MeetingFacts = {
    forumName: forum.name,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    url: `${context.settings.publicUrl}/moeder/${meeting.id}`,
  };
  const members = await listForumMembers(db, forum.id);
  const base = { context, event, meeting, facts, members };
  switch (event.type) {
    case 'agenda.published':
      return planAgenda(base);
    case 'absences.changed':
      return planDeputyInvitations(base);
    case 'meeting.details_changed':
      return planMovedMeeting(base);
    case 'minutes.published':
    case 'minutes.corrected':
      return planMinutes(base);
    case 'meeting.cancelled':
      return planCancellation(base);
    default:
      return null;
  }
}

interface PlanInput {
  context: MailContext;
  event: DomainEvent;
  meeting: MeetingRecord;
  facts: MeetingFacts;
  members: ForumMember[];
}

async function planAgenda(input: PlanInput): Promise<MailPlan | null> {
  const { context, event, meeting } = input;
  const number = numberOf(event);
  // An agenda that went out before the meeting was cancelled is not sent after it.
  if (number === null || meeting.status === 'cancelled') return null;
  const items = await loadStoredItems(context.archive.database.db, meeting.id);
  const recipients = agendaRecipients(input.members, namesWithApologies(items));
  if (recipients.length === 0) return null;
  return {
    ...planBase(input, 'agenda', number),
    content: { kind: 'agenda', number, changes: await agendaChanges(input, number) },
    recipients,
    pdf: { kind: 'agenda', number },
    invitation: await settleInvitation(input, items, 'REQUEST'),
  };
}

/** Afbud after the agenda is out: the deputies not yet invited get the agenda and invitation. */
async function planDeputyInvitations(input: PlanInput): Promise<MailPlan | null> {
  const { context, meeting } = input;
  const db = context.archive.database.db;
  if (!(await isInvitationOut(input))) return null;
  const items = await loadStoredItems(db, meeting.id);
  const invited = await listAgendaAddresses(db, meeting.id);
  const recipients = deputyRecipients(input.members, namesWithApologies(items)).filter(
    (deputy) => !invited.has(deputy.email),
  );
  const number = (await listPublications(db, meeting.id))
    .filter((publication) => publication.kind === 'agenda')
    .at(-1)?.number;
  if (recipients.length === 0 || number === undefined) return null;
  return {
    ...planBase(input, 'agenda', number),
    content: { kind: 'agenda', number, changes: [] },
    recipients,
    pdf: { kind: 'agenda', number },
    invitation: await settleInvitation(input, items, 'REQUEST'),
  };
}

/** Date, time or place changed after the invitation went out: an update, one SEQUENCE up. */
async function planMovedMeeting(input: PlanInput): Promise<MailPlan | null> {
  const { context, event, meeting } = input;
  const db = context.archive.database.db;
  const changed = Object.keys((event.data?.changes as Record<string, unknown>) ?? {});
  if (!changed.some((field) => ['date', 'start', 'location'].includes(field))) return null;
  if (!(await isInvitationOut(input))) return null;
  const stored = await findMeetingInvitation(db, meeting.id);
  // Moved and moved back before the worker came by: the calendars already say the right thing.
  if (!stored || isSamePlaceAndTime(stored, meeting)) return null;
  const items = await loadStoredItems(db, meeting.id);
  const recipients = uniqueByAddress([
    ...agendaRecipients(input.members, namesWithApologies(items)),
    ...(await invitedRecipients(input)),
  ]);
  return {
    ...planBase(input, 'invitation', null),
    content: { kind: 'invitation' },
    recipients,
    pdf: null,
    invitation: await settleInvitation(input, items, 'REQUEST'),
  };
}

async function planMinutes(input: PlanInput): Promise<MailPlan | null> {
  const { event } = input;
  const number = numberOf(event);
  if (number === null) return null;
  const recipients = minutesRecipients(input.members);
  if (recipients.length === 0) return null;
  const reason =
    event.type === 'minutes.corrected' ? String(event.data?.reason ?? '').trim() || '—' : null;
  return {
    ...planBase(input, 'minutes', number),
    content: { kind: 'minutes', number, correctionReason: reason },
    recipients,
    pdf: { kind: 'minutes', number },
    invitation: null,
  };
}

/** A cancelled meeting: everyone who was sent its invitation gets it withdrawn (CANCEL). */
async function planCancellation(input: PlanInput): Promise<MailPlan | null> {
  const { context, event, meeting } = input;
  const db = context.archive.database.db;
  if (!(await findMeetingInvitation(db, meeting.id))) return null;
  const recipients = await invitedRecipients(input);
  if (recipients.length === 0) return null;
  const items = await loadStoredItems(db, meeting.id);
  const reason = typeof event.data?.reason === 'string' ? event.data.reason.trim() : '';
  return {
    ...planBase(input, 'cancellation', null),
    content: { kind: 'cancellation', reason: reason || null },
    recipients,
    pdf: null,
    invitation: await settleInvitation(input, items, 'CANCEL'),
  };
}

function planBase(input: PlanInput, kind: MailKind, publicationNumber: number | null) {
  return {
    meetingId: input.meeting.id,
    forumId: input.meeting.forumId,
    kind,
    publicationNumber,
    meeting: input.facts,
  };
}

function numberOf(event: DomainEvent): number | null {
  const number = event.data?.number;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : null;
}

/** The agenda's invitation has gone out and the meeting has not begun or been cancelled. */
async function isInvitationOut(input: PlanInput): Promise<boolean> {
  if (input.meeting.status !== 'agenda_published') return false;
  const stored = await findMeetingInvitation(input.context.archive.database.db, input.meeting.id);
  return stored !== null && stored.status === 'confirmed';
}

async function invitedRecipients(input: PlanInput): Promise<Recipient[]> {
  const invited = await listInvitedRecipients(input.context.archive.database.db, input.meeting.id);
  return invited.map((entry) => ({
    name: entry.name,
    email: entry.email,
    role: entry.role,
    deputyFor: null,
    hasSentApologies: false,
    deputyName: null,
  }));
}

/** What changed in this agenda version, as the forum's members may see it. */
async function agendaChanges(input: PlanInput, number: number) {
  if (number <= 1) return [];
  const history = await listPublicationHistory(
    input.context.archive,
    mailReader(input.meeting.forumId),
    input.meeting.id,
  );
  return history.find((entry) => entry.kind === 'agenda' && entry.number === number)?.changes ?? [];
}

/**
 * The invitation's UID and SEQUENCE now, recorded: the UID of the meeting's first invitation,
 * and the SEQUENCE the forum's calendar feed gives (its revisions: one up per move, one more
 * when cancelled), never below one more than the last invitation when the meeting has moved
 * or been cancelled since, so that a calendar client always takes the newer one.
 */
async function settleInvitation(
  input: PlanInput,
  items: readonly StoredItem[],
  method: 'REQUEST' | 'CANCEL',
): Promise<NonNullable<MailPlan['invitation']>> {
  const { meeting } = input;
  const db = input.context.archive.database.db;
  const isCancelled = method === 'CANCEL';
  const derived =
    (
      await loadCalendarSequences(db, [
        {
          meetingId: meeting.id,
          date: meeting.date,
          start: meeting.start,
          location: meeting.location,
          status: toMeetingStatus(meeting.status),
        },
      ])
    ).get(meeting.id) ?? 0;
  const stored = await findMeetingInvitation(db, meeting.id);
  const hasChanged =
    stored !== null &&
    (!isSamePlaceAndTime(stored, meeting) || (isCancelled && stored.status !== 'cancelled'));
  const sequence = stored ? Math.max(derived, stored.sequence + (hasChanged ? 1 : 0)) : derived;
  const next: StoredInvitation = {
    meetingId: meeting.id,
    uid: stored?.uid ?? meetingEventUid(meeting.id, new URL(input.facts.url).hostname),
    sequence,
    date: meeting.date,
    start: meeting.start,
    location: meeting.location,
    status: isCancelled ? 'cancelled' : (stored?.status ?? 'confirmed'),
  };
  if (!stored) {
    // Another worker recorded the first invitation meanwhile: take what it recorded.
    if (!(await insertMeetingInvitation(db, next))) return settleInvitation(input, items, method);
  } else if (hasChanged || sequence !== stored.sequence) {
    await updateMeetingInvitation(db, next, stored.sequence);
  }
  return {
    method,
    uid: next.uid,
    sequence,
    durationMinutes: meetingCalendarMinutes(items),
  };
}

function isSamePlaceAndTime(
  stored: Pick<StoredInvitation, 'date' | 'start' | 'location'>,
  meeting: Pick<MeetingRecord, 'date' | 'start' | 'location'>,
): boolean {
  return (
    stored.date === meeting.date &&
    (stored.start ?? null) === (meeting.start ?? null) &&
    (stored.location ?? null) === (meeting.location ?? null)
  );
}
