import type { OparlCaseRecord, OparlForumRecord } from '../../store/oparl-record-store.ts';
import type { Stamped } from '../../store/oparl-store.ts';
import { type ConsultationFacts, consultationObject } from './oparl-meeting-objects.ts';
import {
  type OparlBody,
  type OparlMembership,
  type OparlOrganization,
  type OparlPaper,
  type OparlPerson,
  type OparlSystem,
  oparlType,
  oparlVersion,
} from './oparl-types.ts';
import { bodyKey, type OparlUrls } from './oparl-urls.ts';

/**
 * The system, the municipality and the people and cases around the meetings as OParl
 * objects. Like the meeting objects they are mapped from what the reader may see: forums the
 * reader may see, their members' names and roles (never more about a person), and cases with
 * the items that show them.
 */

/** The municipality whose forums Referat serves: the one OParl Body. */
export const municipality = {
  name: 'Albertslund Kommune',
  shortName: 'Albertslund',
  website: 'https://albertslund.dk',
  /** Danmarks Statistik's municipality code (kommunekode), the Danish counterpart of the AGS. */
  municipalityCode: '0165',
} as const;

/** The stamps to use when there is nothing to see yet (an empty archive). */
function stampsOr(stamps: { created: string | null; modified: string | null }): Stamped {
  const now = new Date().toISOString();
  const created = stamps.created ?? now;
  return { created, modified: stamps.modified ?? created };
}

/** The entry point, GET /oparl/v1.1. */
export function systemObject(
  urls: OparlUrls,
  stamps: { created: string | null; modified: string | null },
): OparlSystem {
  return {
    id: urls.system(),
    type: oparlType('System'),
    oparlVersion,
    body: urls.list('body'),
    name: `Referat – ${municipality.name}`,
    website: urls.archiveWeb(),
    ...stampsOr(stamps),
  };
}

/** The municipality, with the URLs of every list. */
export function bodyObject(
  urls: OparlUrls,
  stamps: { created: string | null; modified: string | null },
): OparlBody {
  return {
    id: urls.object('body', bodyKey),
    type: oparlType('Body'),
    system: urls.system(),
    name: municipality.name,
    shortName: municipality.shortName,
    website: municipality.website,
    classification: 'Kommune',
    organization: urls.list('organization'),
    person: urls.list('person'),
    meeting: urls.list('meeting'),
    paper: urls.list('paper'),
    agendaItem: urls.list('agendaItem'),
    consultation: urls.list('consultation'),
    file: urls.list('file'),
    locationList: urls.list('location'),
    membership: urls.list('membership'),
    // Danish forums have no election periods; OParl requires the list, so it is empty.
    legislativeTerm: [],
    web: urls.archiveWeb(),
    ...stampsOr(stamps),
    'referat:municipalityCode': municipality.municipalityCode,
  };
}

/** A member of a forum, as stored: name and the role written beside it, with the forum's stamps. */
export interface MembershipFacts extends Stamped {
  forumId: number;
  personId: number;
  name: string;
  role: string | null;
}

/** The key of a membership: forum and person, stable across saves of the forum. */
export function membershipKey(facts: { forumId: number; personId: number }): string {
  return `${facts.forumId}-${facts.personId}`;
}

/** A membership; `person` only outside the Person (OParl's back reference). */
export function membershipObject(
  facts: MembershipFacts,
  urls: OparlUrls,
  isEmbedded: boolean,
): OparlMembership {
  return {
    id: urls.object('membership', membershipKey(facts)),
    type: oparlType('Membership'),
    ...(isEmbedded ? {} : { person: urls.object('person', facts.personId) }),
    organization: urls.object('organization', facts.forumId),
    ...(facts.role?.trim() ? { role: facts.role } : {}),
    created: facts.created,
    modified: facts.modified,
  };
}

/** A forum as an OParl Organization. */
export function organizationObject(
  forum: OparlForumRecord,
  members: readonly MembershipFacts[],
  urls: OparlUrls,
): OparlOrganization {
  return {
    id: urls.object('organization', forum.id),
    type: oparlType('Organization'),
    body: urls.object('body', bodyKey),
    name: forum.name,
    ...(forum.abbreviation?.trim() ? { shortName: forum.abbreviation } : {}),
    organizationType: 'Gremium',
    ...(members.length > 0
      ? { membership: members.map((member) => urls.object('membership', membershipKey(member))) }
      : {}),
    meeting: urls.organizationMeetings(forum.id),
    created: forum.created,
    modified: forum.modified,
  };
}

/**
 * A person as an OParl Person: the name and the memberships of the forums the reader may
 * see. Nothing else about a person is read from the store, so nothing else can go out.
 */
export function personObject(
  personId: number,
  memberships: readonly MembershipFacts[],
  urls: OparlUrls,
  omitInternal: boolean,
): OparlPerson | null {
  const first = memberships[0];
  if (!first) return null;
  return {
    id: urls.object('person', personId),
    type: oparlType('Person'),
    body: urls.object('body', bodyKey),
    name: first.name,
    ...(omitInternal
      ? {}
      : { membership: memberships.map((facts) => membershipObject(facts, urls, true)) }),
    created: memberships.map((facts) => facts.created).sort()[0] ?? first.created,
    modified:
      memberships
        .map((facts) => facts.modified)
        .sort()
        .at(-1) ?? first.modified,
  };
}

/** A case's items as a Paper shows them, each with its meeting's date and title. */
export interface PaperEntry extends ConsultationFacts {
  date: string;
  title: string;
}

/**
 * A case as an OParl Paper: its journal number is the reference, the latest item's title its
 * name, the first meeting's date its date, and each item that handled it a consultation.
 */
export function paperObject(
  record: OparlCaseRecord,
  entries: readonly PaperEntry[],
  urls: OparlUrls,
): OparlPaper | null {
  const first = entries[0];
  const latest = entries.at(-1);
  if (!first || !latest) return null;
  const hasKle = record.kleSubject !== null;
  return {
    id: urls.object('paper', record.id),
    type: oparlType('Paper'),
    body: urls.object('body', bodyKey),
    name: latest.title,
    reference: record.caseNumber,
    date: first.date,
    paperType: 'Sag',
    underDirectionOf: [...new Set(entries.map((entry) => entry.forumId))].map((forumId) =>
      urls.object('organization', forumId),
    ),
    // Not one of the lists `omit_internal` leaves out (OParl 1.1 names them).
    consultation: entries.map((entry) => consultationObject(entry, urls, true)),
    created: entries.map((entry) => entry.created).sort()[0] ?? first.created,
    modified:
      entries
        .map((entry) => entry.modified)
        .sort()
        .at(-1) ?? latest.modified,
    ...(hasKle
      ? {
          'referat:kle': {
            subject: record.kleSubject,
            facet: record.facet,
            sequence: record.sequence,
            year: record.year,
          },
        }
      : {}),
  };
}
