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
}

/** A body that meets: Chefforum ("CF"). */
export interface ForumTable {
  id: Generated<number>;
  name: string;
  abbreviation: string | null;
  created_at: string;
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
  /** Lifecycle state: draft, agenda_published, held, minutes_published, minutes_approved. */
  status: string;
  /** Optimistic concurrency: bumped by every write. */
  version: number;
  created_at: string;
  updated_at: string;
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
  /** Orientering, Drøftelse or Beslutning ("orientering" | "droftelse" | "beslutning"). */
  purpose: string | null;
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
  /** Where the file was, as the interchange document says (`file`), when not stored here. */
  file_reference: string | null;
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
}

/** An uploaded file's bytes, base64 (one row per file; `id` is the file's id). */
export interface FileContentTable {
  id: number;
  content_base64: string;
}
