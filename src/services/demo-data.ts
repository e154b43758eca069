import { readdirSync, readFileSync } from 'node:fs';
import { localAdministrator } from '../core/actor.ts';
import { domainTheoryPurposes, type StandingItem } from '../core/forum-practice.ts';
import type { AgendaItem, Meeting } from '../core/meeting.ts';
import { standardItems } from '../core/standard-items.ts';
import { listMeetingSummaries } from '../store/meeting-reader.ts';
import { updateMeetingStatus } from '../store/meeting-state.ts';
import type { Archive } from './archive-types.ts';
import { getForums, saveForum } from './forum-service.ts';
import { storeMeeting } from './import-service.ts';

const demoFolder = new URL('../../demo/', import.meta.url);

/** The demo archive: the real Chefforum minutes shipped in demo/, newest last. */
export function readDemoMeetings(): Meeting[] {
  return readdirSync(demoFolder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(new URL(name, demoFolder), 'utf8')) as Meeting);
}

/**
 * The date of the demo's next meeting: two weeks after `today`'s date in Copenhagen, moved to
 * the Monday after when that falls on a weekend, since a forum does not meet on Saturdays or
 * Sundays. `today` is passed in so that tests fix it.
 */
export function nextMeetingDate(today: Date): string {
  // The calendar date as it is in Copenhagen: shortly before midnight UTC it is already the
  // next day there.
  const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(today);
  // Calendar arithmetic on midnight UTC of that date, so that daylight saving never shifts it.
  const date = new Date(`${copenhagenDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 14);
  const weekday = date.getUTCDay();
  if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
  if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * A draft agenda for the next meeting (nextMeetingDate: two weeks after `today`, on a
 * weekday): the standard items (approval naming the previous meeting, Evt.) around one
 * prepared case. The same seed serves the demo and the end-to-end tests.
 */
export function draftAgenda(today: Date, previousMeetingDate: string | null): Meeting {
  const date = nextMeetingDate(today);
  const [approval, evt] = standardItems('Chefforum', previousMeetingDate) as [
    AgendaItem,
    AgendaItem,
  ];
  const items: AgendaItem[] = [
    approval,
    {
      number: 2,
      title: 'Status på budgetaftalen (30 min)',
      caseNumber: '00.30.14-S00-2-16',
      closed: false,
      durationMinutes: 30,
      background: 'Kvartalsvis status på budgetaftalen til Økonomiudvalget.',
      presentation: 'Chefforum gennemgår skemaet med status på aftalepunkterne.',
      recommendation: {
        proposer: 'Kommunaldirektøren',
        points: ['at Chefforum gennemgår status på budgetaftalen'],
      },
      decision: null,
      attachments: [],
      absent: [],
    },
    { ...evt, number: 3 },
  ];
  return {
    forum: 'Chefforum',
    kind: 'agenda',
    date,
    start: '09:00',
    location: 'Mødelokale 1',
    items,
  };
}

/**
 * Loads the demo data into an empty archive: the real minutes as the Chefforum archive, a
 * draft agenda for an upcoming meeting, and Chefforum's own way of working (its purposes in
 * the terms of domain theory and its standing items). Does nothing when the archive has
 * meetings.
 */
export async function loadDemoDataIfEmpty(archive: Archive, today = new Date()): Promise<boolean> {
  if ((await listMeetingSummaries(archive.database.db, { limit: 1 })).length > 0) return false;
  const seeder = localAdministrator('Demodata');
  const meetings = readDemoMeetings();
  for (const meeting of meetings) await storeMeeting(archive, seeder, meeting);
  const previous = meetings.at(-1)?.date ?? null;
  const draft = draftAgenda(today, previous);
  const saved = await storeMeeting(archive, seeder, draft, { archived: false });
  await updateMeetingStatus(archive.database.db, saved.meetingId, 'draft');
  const forumId = (await getForums(archive, seeder)).find(
    (forum) => forum.name === 'Chefforum',
  )?.id;
  // Albertslund publishes Chefforum's agendas and minutes, so the demo forum is public.
  if (forumId)
    await saveForum(archive, seeder, forumId, {
      name: 'Chefforum',
      abbreviation: 'CF',
      visibility: 'public',
      members: demoMembers,
      purposes: [...domainTheoryPurposes],
      standingItems: demoStandingItems,
    });
  return true;
}

/**
 * Members for the demo forum. The real minutes name roles but no members, so these names are
 * made up (the roles are those of the minutes); a real installation sets its own under "Fora".
 */
const demoMembers = [
  { name: 'Anne Kjær', role: 'Kommunaldirektør' },
  { name: 'Mads Holm', role: 'Direktør for Børn, Sundhed & Velfærd' },
  { name: 'Lene Brandt', role: 'Chef for Økonomi & Stab' },
  { name: 'Søren Dahl', role: 'Chef for Skoler & Uddannelser' },
  { name: 'Pia Lund', role: 'Chef for Borgere & Arbejdsmarked' },
];

/**
 * Chefforum's standing items, from its own minutes: the decision of 7 September 2017 sets
 * aside time for current and sudden topics (15–30 minutes), and the 2018 minutes end by asking
 * what to carry back to the departments.
 */
export const demoStandingItems: StandingItem[] = [
  { title: 'Aktuelle og pludseligt opståede emner', durationMinutes: 30, purpose: 'Debattere' },
  {
    title: 'Hvad skal kommunikeres ud til afdelingerne?',
    durationMinutes: 10,
    purpose: 'Informere',
  },
];
