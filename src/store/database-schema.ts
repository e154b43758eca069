import type { Generated } from 'kysely';

/**
 * The tables of the archive, as Kysely sees them. Dates are ISO text (YYYY-MM-DD), times
 * HH:MM, timestamps ISO 8601 text and flags 0/1 integers, so that SQLite and PostgreSQL store
 * the same values and the same queries compare them.
 */
export interface DatabaseSchema {
  forums: ForumTable;
  people: PersonTable;
  meetings: MeetingTable;
  cases: CaseTable;
  agenda_items: AgendaItemTable;
  recommendation_points: RecommendationPointTable;
  files: FileTable;
  attachments: AttachmentTable;
  absences: AbsenceTable;
  revisions: RevisionTable;
  forum_members: ForumMemberTable;
  publications: PublicationTable;
  file_contents: FileContentTable;
  file_texts: FileTextTable;
  users: UserTable;
  user_forum_roles: UserForumRoleTable;
  sessions: SessionTable;
  sign_in_states: SignInStateTable;
  audit_log: AuditLogTable;
  outbox_events: OutboxEventTable;
  outbox_deliveries: OutboxDeliveryTable;
  item_guests: ItemGuestTable;
  mail_deliveries: MailDeliveryTable;
  meeting_invitations: MeetingInvitationTable;
  feed_tokens: FeedTokenTable;
  followups: FollowupTable;
  recurring_items: RecurringItemTable;
  planned_items: PlannedItemTable;
  planning_settings: PlanningSettingTable;
}

/** A body that meets: Chefforum ("CF"). */
export interface ForumTable {
  id: Generated<number>;
  name: string;
  abbreviation: string | null;
  created_at: string;
  /** Who may read its published meetings: 'public' (anyone) or 'internal' (its members). */
  visibility: Generated<string>;
  /** JSON array of the forum's item purposes ("Orientering", …); null: the default list. */
  purposes: string | null;
  /** JSON array of standing items placed on every new agenda; null: none. */
  standing_items: string | null;
  /** 1: public versions leave out e-mail addresses and phone numbers (GDPR). */
  hides_contact_details: Generated<number>;
}

/** A person who can be a member or absent. Names are unique within the archive. */
export interface PersonTable {
  id: Generated<number>;
  name: string;
}

/** One meeting of a forum; (forum_id, date) is unique, which makes imports idempotent. */
export interface MeetingTable {
  id: Generated<number>;
  forum_id: number;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string | null;
  location: string | null;
  /**
   * Lifecycle state: draft, agenda_published, in_progress, held, minutes_published,
   * minutes_approved.
   */
  status: string;
  /** 1 for a meeting imported from the archive: final, approved and locked. */
  archived: Generated<number>;
  /** Optimistic concurrency: bumped by every write. */
  version: number;
  created_at: string;
  updated_at: string;
  /** JSON: what an imported export says that the model has no field for; null otherwise. */
  source_metadata: string | null;
}

/** A case (sag) identified by its journal number, linking its items across meetings. */
export interface CaseTable {
  id: Generated<number>;
  case_number: string;
  kle_subject: string | null;
  facet: string | null;
  sequence: number | null;
  year: number | null;
}

/** One agenda item and its text sections. */
export interface AgendaItemTable {
  id: Generated<number>;
  meeting_id: number;
  number: number;
  position: number;
  title: string;
  case_id: number | null;
  closed: number;
  duration_minutes: number | null;
  background: string | null;
  presentation: string | null;
  /** Indstilling: null when the item has no recommendation; "" for an impersonal one. */
  proposer: string | null;
  decision: string | null;
  version: number;
  updated_at: string;
  /** The purpose in the forum's own words ("Beslutning", "Afdække"), from its list. */
  purpose: string | null;
  /** "Kommunikeres ud": what the chiefs carry back to their departments from this item. */
  communication: string | null;
  /** JSON: the export's facts about the item (its original number "1.1", ids …); or null. */
  source_metadata: string | null;
}

/** The at-points of an item's recommendation, in order. */
export interface RecommendationPointTable {
  item_id: number;
  position: number;
  text: string;
}

/** A stored file (an attachment's content), addressed by its SHA-256. */
export interface FileTable {
  id: Generated<number>;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  storage_key: string;
  created_at: string;
}

/** Bilag: an item's attachments, in order. */
export interface AttachmentTable {
  id: Generated<number>;
  item_id: number;
  position: number;
  title: string;
  file_id: number | null;
  /** The name this Bilag was uploaded under (the stored bytes may be shared by others). */
  file_name: string | null;
  /** Where the file was, as the interchange document says (`file`), when not stored here. */
  file_reference: string | null;
  /** 0 for a Bilag marked not public: its title is shown, its file and text only to members. */
  is_public: Generated<number>;
}

/** The state of a file's text extraction. */
export type FileTextStatus = 'pending' | 'working' | 'done' | 'failed' | 'none';

/** The text inside a stored file (a Bilag), extracted in the background, once per content. */
export interface FileTextTable {
  file_id: number;
  status: FileTextStatus;
  /** How it was read: pdf, pdf-ocr, docx, xlsx. */
  method: string | null;
  text: string | null;
  /** A Danish note: why it failed, or what could not be read (pages that need OCR). */
  note: string | null;
  updated_at: string;
}

/** Fraværende: who was absent for an item, with the role written then. */
export interface AbsenceTable {
  item_id: number;
  position: number;
  person_id: number;
  role: string | null;
}

/** The append-only history of every change: what changed, when, by whom, why. */
export interface RevisionTable {
  id: Generated<number>;
  entity_type: string;
  entity_id: number;
  action: string;
  author: string | null;
  reason: string | null;
  /** JSON: `{ before: … }`, the entity as it was before the change (null when created). */
  data: string;
  created_at: string;
}

/** A member of a forum, in the forum's order, with the role written beside the name. */
export interface ForumMemberTable {
  id: Generated<number>;
  forum_id: number;
  position: number;
  person_id: number;
  role: string | null;
  /** Where the agenda and the minutes are sent; null: the member gets no e-mail. */
  email: string | null;
  /** The stedfortræder invited when the member sends afbud (name and address, or neither). */
  deputy_name: string | null;
  deputy_email: string | null;
  /** 1 when the member is sent the agenda (with the calendar invitation), 0 when not. */
  receives_agenda: Generated<number>;
  /** 1 when the member is sent the minutes, 0 when not. */
  receives_minutes: Generated<number>;
}

/** A published agenda or minutes: the Meeting document as sent, numbered per kind. */
export interface PublicationTable {
  id: Generated<number>;
  meeting_id: number;
  kind: 'agenda' | 'minutes';
  number: number;
  /** JSON: the Meeting interchange document as published. */
  document: string;
  author: string | null;
  created_at: string;
  /** Why this version was made, for a correction of approved minutes. */
  reason: string | null;
  /** JSON MeetingAnnotations the version was sent with (purposes, guests, corrections). */
  annotations: string | null;
}

/** A guest or presenter (oplægsholder) at one item, in order. */
export interface ItemGuestTable {
  item_id: number;
  position: number;
  name: string;
  role: string | null;
}

/** An uploaded file's bytes, base64 (one row per file; `id` is the file's id). */
export interface FileContentTable {
  id: number;
  content_base64: string;
}

/** A user account: a local password (argon2id) or a single sign-on identity, or both. */
export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string | null;
  is_administrator: number;
  must_change_password: number;
  is_disabled: number;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: string;
  updated_at: string;
  last_sign_in_at: string | null;
}

/** A user's role in one forum: 'member' (reads closed items) or 'secretary' (writes). */
export interface UserForumRoleTable {
  user_id: number;
  forum_id: number;
  role: string;
}

/** A signed-in session; `id` is the SHA-256 of the cookie's token, never the token itself. */
export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  address: string | null;
  user_agent: string | null;
}

/** A single sign-on attempt under way: PKCE verifier and nonce, keyed by `state`. */
export interface SignInStateTable {
  state: string;
  code_verifier: string;
  nonce: string;
  return_to: string | null;
  created_at: string;
}

/** The append-only audit log: sign-ins, refused accesses and every write. */
export interface AuditLogTable {
  id: Generated<number>;
  created_at: string;
  actor_user_id: number | null;
  actor_name: string;
  address: string | null;
  action: string;
  /** 'ok', 'refused' or 'failed'. */
  outcome: string;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
}

/** A domain event appended by the write pipeline in the same transaction as the change. */
export interface OutboxEventTable {
  id: Generated<number>;
  type: string;
  meeting_id: number | null;
  forum_id: number | null;
  /** JSON: the event's payload. */
  payload: string;
  actor_name: string | null;
  created_at: string;
}

/** One consumer's delivery of one event: pending until the consumer has handled it once. */
export interface OutboxDeliveryTable {
  event_id: number;
  consumer: string;
  /** 'pending', 'done' or 'failed' (gave up after its attempts). */
  status: string;
  attempts: number;
  available_at: string;
  last_error: string | null;
  done_at: string | null;
}

/**
 * One e-mail to one recipient for one outbox event: 'sending' from just before it goes to the
 * mail server, then 'sent' or 'failed'. (event_id, email) is unique, so a mail is sent at most
 * once per recipient per event, however often the event is delivered to the mail consumer.
 */
export interface MailDeliveryTable {
  id: Generated<number>;
  event_id: number;
  meeting_id: number;
  /** 'agenda', 'minutes', 'invitation' (the meeting moved) or 'cancellation'. */
  kind: string;
  /** The published version the mail carried, for agenda and minutes. */
  publication_number: number | null;
  recipient_name: string;
  /** The address, in lower case (the unique key compares it). */
  email: string;
  /** 'member' or 'deputy' (stedfortræder for a member with afbud). */
  role: string;
  subject: string;
  /** 'sending', 'sent' or 'failed'. */
  state: string;
  /** The mail server's answer, in its words, when it failed. */
  error: string | null;
  /** 1 when a later attempt may send it (the server was away), 0 when it never will. */
  can_retry: Generated<number>;
  /** 1 when the mail carried the meeting's calendar invitation (a cancellation goes to them). */
  has_invitation: Generated<number>;
  attempted_at: string;
  sent_at: string | null;
}

/**
 * The calendar invitation a meeting was sent with: its UID never changes, and its SEQUENCE is
 * raised whenever an invitation goes out with another date, time or place than the last one.
 */
export interface MeetingInvitationTable {
  meeting_id: number;
  uid: string;
  sequence: number;
  /** The date, time and place the last invitation named. */
  date: string;
  start: string | null;
  location: string | null;
  /** 'confirmed', or 'cancelled' once the meeting's cancellation went out. */
  status: string;
  updated_at: string;
}

/**
 * A user's personal calendar address: only the SHA-256 (hex) of its token is stored, never the
 * token. Revoked, not deleted, when the user makes a new one or deletes it.
 */
export interface FeedTokenTable {
  id: Generated<number>;
  user_id: number;
  token_sha256: string;
  created_at: string;
  /** When a calendar last fetched it (noted at most every quarter of an hour). */
  last_used_at: string | null;
  revoked_at: string | null;
}

/**
 * A follow-up (opfølgning) found in an item's decision: a suggestion until the secretary
 * confirms or rejects it; once confirmed, tracked with an owner, a due range and a status.
 */
export interface FollowupTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number;
  forum_id: number;
  /** 'task' or 'return'. */
  kind: string;
  /** 'suggested', 'confirmed' or 'rejected'. */
  state: string;
  /** 'open', 'done' or 'cancelled'. */
  status: string;
  owner_name: string | null;
  /** 'member' (of the forum) or 'unit'; null without an owner. */
  owner_kind: string | null;
  /** The due range, ISO dates, both ends included; null without a deadline. */
  due_from: string | null;
  due_to: string | null;
  /** The sentence it was found in. */
  text: string;
  /** A short title, editable. */
  title: string;
  /** JSON array of `{ at, author, text }`. */
  notes: string | null;
  /** The kind and the sentence, hashed: unique per item, so nothing is suggested twice. */
  source_key: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
  /** When the reminder before the deadline, and the one when overdue, were sent (once each). */
  reminded_before_at: string | null;
  reminded_overdue_at: string | null;
}

/** A recurring item of a forum's annual cycle (årshjul): when in the year it comes back. */
export interface RecurringItemTable {
  id: Generated<number>;
  forum_id: number;
  title: string;
  purpose: string | null;
  duration_minutes: number | null;
  /** 'quarterly', 'spring_autumn' or 'months'. */
  rule: string;
  /** JSON array of the months (1–12) for 'months'; [] for the others. */
  months: string;
  created_at: string;
  updated_at: string;
}

/**
 * An item in a forum's punktbank: planned for a meeting (or waiting for one), until it is taken
 * into that meeting's agenda and becomes the agenda item `taken_item_id`.
 */
export interface PlannedItemTable {
  id: Generated<number>;
  forum_id: number;
  /** The meeting it is planned for; null while it waits in the bank. */
  meeting_id: number | null;
  title: string;
  case_number: string | null;
  purpose: string | null;
  duration_minutes: number | null;
  note: string | null;
  /** 1: it goes on the agenda as a closed item (lukket punkt). */
  closed: Generated<number>;
  /** 'return' (an item that comes back), 'annual' (the annual cycle) or 'manual'. */
  source: string;
  /** The item a return comes back from. */
  source_item_id: number | null;
  recurring_item_id: number | null;
  /** The annual cycle's year and period it was made for, "2027:1-2-3". */
  cycle_period: string | null;
  /** When a return is due, ISO dates, both ends included. */
  due_from: string | null;
  due_to: string | null;
  /** The agenda item it became; null until it is taken in. */
  taken_item_id: number | null;
  created_at: string;
  updated_at: string;
}

/** A forum's planning settings: whether its agenda PDF ends with the årshjul. */
export interface PlanningSettingTable {
  forum_id: number;
  shows_annual_wheel: Generated<number>;
}
