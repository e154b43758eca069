import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { type Archive, openArchiveOn } from '../../src/services/archive.ts';
import { uploadAttachment } from '../../src/services/attachment-service.ts';
import { loadDemoDataIfEmpty } from '../../src/services/demo-data.ts';
import { createForum, getForums, saveForum } from '../../src/services/forum-service.ts';
import { addItem, updateItem } from '../../src/services/item-service.ts';
import {
  cancelMeeting,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../src/services/meeting-flow-service.ts';
import { getWorkspace } from '../../src/services/workspace-service.ts';
import type { ItemFields } from '../../src/store/item-store.ts';
import { testAdministrator } from './actors.ts';
import type { DatabaseFactory } from './databases.ts';

/**
 * An archive for the OParl tests: the demo data, plus meetings made through the services as a
 * secretariat makes them: a public meeting with published minutes (an open item with every
 * section, a Bilag and a decision; a closed item full of marker words), a public meeting in
 * progress whose decisions are not published yet, a cancelled one, a draft, and an internal
 * forum with published minutes and members with e-mail addresses. The marker words ("zq…")
 * must never reach an anonymous reader.
 */
export interface OparlWorld {
  archive: Archive;
  app: FastifyInstance;
  /** Words that must never appear in what an anonymous reader gets. */
  hiddenMarkers: string[];
  /** Texts that must appear (published, open, public). */
  publishedTexts: {
    openTitle: string;
    openDecision: string;
    openBackground: string;
    recommendationPoint: string;
    guest: string;
    communication: string;
    absentMember: string;
    bilagTitle: string;
  };
  /** Ids of what was made. */
  ids: {
    publicForumId: number;
    internalForumId: number;
    publishedMeetingId: number;
    runningMeetingId: number;
    cancelledMeetingId: number;
    draftMeetingId: number;
    internalMeetingId: number;
    openItemId: number;
    closedItemId: number;
    closedBilagId: number;
    openBilagId: number;
  };
  close(): Promise<void>;
}

const admin = testAdministrator;
const docx = readFileSync(
  new URL('../fixtures/minutes/chefforum-2015-11-05.docx', import.meta.url),
);

/** The current version of an item, for saving it again after lifecycle steps. */
async function itemVersion(archive: Archive, meetingId: number, itemId: number): Promise<number> {
  const workspace = await getWorkspace(archive, admin, meetingId);
  const item = workspace.items.find((entry) => entry.id === itemId);
  if (!item) throw new Error(`item ${itemId} is not in meeting ${meetingId}`);
  return item.version;
}

async function saveItem(
  archive: Archive,
  meetingId: number,
  itemId: number,
  fields: Partial<ItemFields>,
): Promise<void> {
  await updateItem(archive, admin, itemId, await itemVersion(archive, meetingId, itemId), fields);
}

/** Builds the world on a fresh database; `today` fixes the demo's draft date. */
export async function createOparlWorld(openDatabase: DatabaseFactory): Promise<OparlWorld> {
  const archive = await openArchiveOn(await openDatabase());
  await loadDemoDataIfEmpty(archive, new Date('2026-11-23T10:00:00Z'));
  const chefforum = (await getForums(archive, admin)).find((forum) => forum.name === 'Chefforum');
  if (!chefforum) throw new Error('the demo has no Chefforum');
  const purpose = chefforum.purposes[0] ?? null;
  // The demo members keep their roles; each gets an address and one a deputy, none of which
  // may ever reach OParl.
  await saveForum(archive, admin, chefforum.id, {
    ...chefforum,
    members: chefforum.members.map((member, index) => ({
      name: member.name,
      role: member.role,
      email: `zqmail${index}@albertslund.dk`,
      deputy:
        index === 0 ? { name: 'Zqstedfortraeder Navn', email: 'zqdeputy@albertslund.dk' } : null,
    })),
  });
  const absentMember = chefforum.members[4]?.name ?? 'Pia Lund';

  // A public meeting carried through to published minutes.
  const published = await createMeeting(archive, admin, {
    forumId: chefforum.id,
    date: '2026-12-03',
    start: '13:00',
    location: 'Byrådssalen',
  });
  const openItem = await addItem(archive, admin, published.id, {
    title: 'Budgetopfølgning 2027',
    caseNumber: '00.30.14-S00-2-16',
    durationMinutes: 20,
    purpose,
    background: 'Anledningen er kvartalets budgetopfølgning.',
    presentation: 'Sagsfremstillingen viser forbruget | fordelt på områder.',
    recommendation: {
      proposer: 'Kommunaldirektøren',
      points: ['at Chefforum tager budgetopfølgningen til efterretning'],
    },
    guests: [{ name: 'Jens Oplægsholder', role: 'Økonomichef' }],
  });
  const closedItem = await addItem(archive, admin, published.id, {
    title: 'Zqlukkettitel om en personalesag',
    caseNumber: '77/77777',
    closed: true,
    durationMinutes: 15,
    purpose,
    background: 'Zqlukketbaggrund',
    presentation: 'Zqlukketsagsfremstilling',
    recommendation: { proposer: 'Zqlukketindstiller', points: ['at zqlukketpunkt vedtages'] },
    guests: [{ name: 'Zqlukketgaest', role: 'Zqlukketrolle' }],
  });
  const openBilag = await uploadAttachment(archive, admin, openItem.id, {
    bytes: docx,
    fileName: 'Budgetnotat.docx',
    title: 'Budgetnotat',
  });
  const closedBilag = await uploadAttachment(archive, admin, closedItem.id, {
    bytes: docx,
    fileName: 'Zqlukketfilnavn.docx',
    title: 'Zqlukketbilagstitel',
  });
  await publishAgenda(archive, admin, published.id);
  await startMeeting(archive, admin, published.id);
  await saveItem(archive, published.id, openItem.id, {
    decision: 'Chefforum tog budgetopfølgningen til efterretning.',
    absent: [{ name: absentMember, role: 'Chef' }],
    communication: 'Budgettet for 2027 holder.',
  });
  await saveItem(archive, published.id, closedItem.id, {
    decision: 'Zqlukketbeslutning',
    absent: [{ name: 'Zqlukketfravaerende', role: null }],
    communication: 'Zqlukketbesked',
  });
  await finishMeeting(archive, admin, published.id);
  await publishMinutes(archive, admin, published.id);

  // A public meeting in progress: its decisions wait for the published minutes.
  const running = await createMeeting(archive, admin, {
    forumId: chefforum.id,
    date: '2026-12-17',
    start: '09:00',
    location: 'Mødelokale 2',
  });
  const runningItem = await addItem(archive, admin, running.id, {
    title: 'Sygefravær i forvaltningen',
    durationMinutes: 30,
  });
  await publishAgenda(archive, admin, running.id);
  await startMeeting(archive, admin, running.id);
  await saveItem(archive, running.id, runningItem.id, {
    decision: 'Zqikkeudsendtbeslutning',
    absent: [{ name: 'Zqikkeudsendtfravaer', role: null }],
    communication: 'Zqikkeudsendtbesked',
  });

  // A public meeting cancelled after its agenda went out.
  const cancelled = await createMeeting(archive, admin, {
    forumId: chefforum.id,
    date: '2027-02-04',
    start: '10:00',
    location: null,
  });
  await publishAgenda(archive, admin, cancelled.id);
  await cancelMeeting(archive, admin, cancelled.id, 'Zqaflysningsgrund');

  // A draft nobody but the secretariat sees.
  const draft = await createMeeting(archive, admin, {
    forumId: chefforum.id,
    date: '2027-01-14',
    start: '09:00',
    location: 'Zqkladdelokale',
  });
  await addItem(archive, admin, draft.id, { title: 'Zqkladdepunkt', caseNumber: '66/66666' });

  // An internal forum with published minutes: none of it is public.
  const internal = await createForum(archive, admin, {
    name: 'Zqinternforum',
    abbreviation: 'ZQIF',
    visibility: 'internal',
  });
  await saveForum(archive, admin, internal.id, {
    name: 'Zqinternforum',
    abbreviation: 'ZQIF',
    visibility: 'internal',
    members: [
      { name: 'Zqintern Medlemsnavn', role: 'Zqinternrolle', email: 'zqintern@albertslund.dk' },
    ],
  });
  const internalMeeting = await createMeeting(archive, admin, {
    forumId: internal.id,
    date: '2026-12-04',
    start: '08:00',
    location: 'Zqinternlokale',
  });
  const internalItem = await addItem(archive, admin, internalMeeting.id, {
    title: 'Zqinternpunkt',
    caseNumber: '88/88888',
    background: 'Zqinternbaggrund',
  });
  await uploadAttachment(archive, admin, internalItem.id, {
    bytes: docx,
    fileName: 'Zqinternfil.docx',
    title: 'Zqinternbilag',
  });
  await publishAgenda(archive, admin, internalMeeting.id);
  await startMeeting(archive, admin, internalMeeting.id);
  await saveItem(archive, internalMeeting.id, internalItem.id, { decision: 'Zqinternbeslutning' });
  await finishMeeting(archive, admin, internalMeeting.id);
  await publishMinutes(archive, admin, internalMeeting.id);

  const app = await buildApp({ archive });
  return {
    archive,
    app,
    hiddenMarkers: [
      'zqlukket',
      'zqikkeudsendt',
      'zqkladde',
      'zqintern',
      'zqaflysning',
      'zqmail',
      'zqdeputy',
      'zqstedfortraeder',
      '77/77777',
      '88/88888',
      '66/66666',
      '@albertslund.dk',
    ],
    publishedTexts: {
      openTitle: 'Budgetopfølgning 2027',
      openDecision: 'Chefforum tog budgetopfølgningen til efterretning.',
      openBackground: 'Anledningen er kvartalets budgetopfølgning.',
      recommendationPoint: 'at Chefforum tager budgetopfølgningen til efterretning',
      guest: 'Jens Oplægsholder',
      communication: 'Budgettet for 2027 holder.',
      absentMember,
      bilagTitle: 'Budgetnotat',
    },
    ids: {
      publicForumId: chefforum.id,
      internalForumId: internal.id,
      publishedMeetingId: published.id,
      runningMeetingId: running.id,
      cancelledMeetingId: cancelled.id,
      draftMeetingId: draft.id,
      internalMeetingId: internalMeeting.id,
      openItemId: openItem.id,
      closedItemId: closedItem.id,
      closedBilagId: closedBilag.id,
      openBilagId: openBilag.id,
    },
    async close() {
      await app.close();
      await archive.close();
    },
  };
}
