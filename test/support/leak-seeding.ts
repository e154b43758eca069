import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../src/core/actor.ts';
import { renderMeeting } from '../../src/render/render-meeting.ts';
import type { Archive } from '../../src/services/archive.ts';
import { uploadAttachment } from '../../src/services/attachment-service.ts';
import { createForum } from '../../src/services/forum-service.ts';
import { importPaths } from '../../src/services/import-service.ts';
import { addItem, updateItem } from '../../src/services/item-service.ts';
import {
  approveMinutes,
  createMeeting,
  finishMeeting,
  publishAgenda,
  publishMinutes,
  startMeeting,
} from '../../src/services/meeting-flow-service.ts';
import { listMeetings } from '../../src/services/meeting-service.ts';
import { getWorkspace } from '../../src/services/workspace-service.ts';
import { testAdministrator, userWithRole } from './actors.ts';
import {
  importedDocument,
  type Ledger,
  type LedgerItem,
  type LedgerMeeting,
  recordUsage,
  type TokenKind,
  type TokenPlace,
} from './leak-ledger.ts';
import { makeItem, makeMeeting } from './meeting-factory.ts';

/**
 * Stores a ledger's archive through the real services: the forums, the imported meetings from
 * one .jsonl file, then the meeting-flow meetings step by step as their forum's secretary
 * (items, Bilag, publishing, decisions, approval, corrections). Fills in the stored ids.
 */
export async function seedLeakArchive(
  archive: Archive,
  ledger: Ledger,
): Promise<{ importedItems: number }> {
  for (const forum of ledger.forums) {
    const stored = await createForum(archive, testAdministrator, {
      name: forum.name,
      abbreviation: forum.abbreviation,
      visibility: forum.visibility,
    });
    forum.id = stored.id;
  }
  const imported = ledger.meetings.filter((meeting) => meeting.plan.lifecycle === null);
  const folder = mkdtempSync(join(tmpdir(), 'referat-leak-'));
  let importedItems = 0;
  try {
    const file = join(folder, 'meetings.jsonl');
    writeFileSync(
      file,
      imported.map((meeting) => `${JSON.stringify(importedDocument(meeting))}\n`).join(''),
    );
    const summary = await importPaths(archive, testAdministrator, [file]);
    if (summary.failures.length > 0 || summary.meetings !== imported.length)
      throw new Error(`the import failed: ${JSON.stringify(summary.failures.slice(0, 3))}`);
    importedItems = summary.items;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await assignImportedIds(archive, imported);
  let uploads = 0;
  for (const meeting of ledger.meetings) {
    if (meeting.plan.lifecycle === null) continue;
    // A few meetings get real Bilag: those the plan picks, and the first ones until there are some.
    const canUpload = (meeting.plan.lifecycle.hasUpload || uploads < 4) && uploads < 8;
    if (await runMeetingFlow(archive, ledger, meeting, canUpload ? uploads : null)) uploads++;
  }
  await archive.search.flush(archive.database.db);
  return { importedItems };
}

async function assignImportedIds(archive: Archive, meetings: readonly LedgerMeeting[]) {
  const byKey = new Map(
    meetings.map((meeting) => [`${meeting.forum.name}|${meeting.date}`, meeting]),
  );
  for (let offset = 0; ; offset += 1000) {
    const page = await listMeetings(archive, testAdministrator, { limit: 1000, offset });
    for (const summary of page) {
      const meeting = byKey.get(`${summary.forum}|${summary.date}`);
      if (!meeting) continue;
      meeting.id = summary.id;
      if (summary.status !== meeting.status)
        throw new Error(`meeting ${summary.id} is ${summary.status}, not ${meeting.status}`);
    }
    if (page.length < 1000) break;
  }
  const missing = meetings.find((meeting) => meeting.id === 0);
  if (missing)
    throw new Error(`the imported meeting ${missing.forum.name} ${missing.date} is missing`);
}

/**
 * Takes one meeting through the meeting flow up to its target state. Returns whether it got
 * uploaded Bilag (`upload` numbers the upload, or is null for none).
 */
async function runMeetingFlow(
  archive: Archive,
  ledger: Ledger,
  meeting: LedgerMeeting,
  upload: number | null,
): Promise<boolean> {
  const target = meeting.plan.lifecycle?.target ?? 'draft';
  const secretary = userWithRole(
    meeting.forum.id,
    'secretary',
    `Sekretær ${meeting.forum.abbreviation}`,
  );
  const created = await createMeeting(archive, secretary, {
    forumId: meeting.forum.id,
    date: meeting.date,
    start: meeting.plan.start,
    location: meeting.location,
  });
  meeting.id = created.id;
  const add = async (item: LedgerItem) => {
    const { title, caseNumber, closed, background, presentation, recommendation } = item.agenda;
    const added = await addItem(archive, secretary, meeting.id, {
      title,
      caseNumber,
      closed,
      background,
      presentation,
      recommendation,
    });
    item.id = added.id;
    item.version = added.version;
  };
  // Late items come after the agenda is published; a draft gets them all at once.
  const isLate = (item: LedgerItem) => target !== 'draft' && item.plan?.isLate === true;
  for (const item of meeting.items) if (!isLate(item)) await add(item);
  const standard = created.items.find((item) => item.isStandard);
  const hasUpload =
    upload !== null &&
    (await uploadBilag(archive, secretary, ledger, meeting, upload, standard?.id ?? 0));
  if (target !== 'draft') {
    await publishAgenda(archive, secretary, meeting.id);
    meeting.publications.push({ kind: 'agenda', number: 1 });
    const late = meeting.items.filter(isLate);
    for (const item of late) await add(item);
    if (late.length > 0) {
      await publishAgenda(archive, secretary, meeting.id);
      meeting.publications.push({ kind: 'agenda', number: 2 });
    }
  }
  const hasStarted = target === 'in_progress' || target === 'held' || target.startsWith('minutes');
  if (hasStarted) {
    await startMeeting(archive, secretary, meeting.id);
    for (const item of meeting.items) {
      if (item.decision === null && item.absent.length === 0) continue;
      const saved = await updateItem(archive, secretary, item.id, item.version, {
        decision: item.decision,
        absent: item.absent.map((absence) => ({ name: absence.name, role: absence.role ?? null })),
      });
      item.version = saved.version;
    }
  }
  if (target === 'held' || target.startsWith('minutes'))
    await finishMeeting(archive, secretary, meeting.id);
  if (target.startsWith('minutes')) {
    await publishMinutes(archive, secretary, meeting.id);
    meeting.publications.push({ kind: 'minutes', number: 1 });
  }
  if (target === 'minutes_approved') {
    await approveMinutes(archive, secretary, meeting.id);
    for (const item of meeting.items) {
      if (!item.correction) continue;
      const corrected = await updateItem(
        archive,
        secretary,
        item.id,
        item.version,
        { decision: item.correction.decision },
        { isCorrection: true, reason: item.correction.reason },
      );
      item.version = corrected.version;
    }
  }
  const workspace = await getWorkspace(archive, secretary, meeting.id);
  const numbers = new Map(workspace.items.map((item) => [item.id, item.number]));
  for (const item of meeting.items) item.number = numbers.get(item.id) ?? 0;
  if (workspace.status !== target)
    throw new Error(`meeting ${meeting.id} is ${workspace.status}, not ${target}`);
  for (const item of workspace.items.filter((entry) => entry.isStandard))
    meeting.items.push(standardItem(item.id, item.number, item.title));
  return hasUpload;
}

/** A standard item (item 1, Evt.) in the ledger: open, with no tokens. */
function standardItem(id: number, number: number, title: string): LedgerItem {
  return {
    plan: null,
    number,
    isClosed: false,
    id,
    version: 0,
    agenda: {
      title,
      caseNumber: null,
      closed: false,
      background: null,
      presentation: null,
      recommendation: null,
      attachments: [],
    },
    decision: null,
    absent: [],
    correction: null,
  };
}

/**
 * Uploads real Bilag to the meeting's first closed item: a PDF (even uploads) or a Word file
 * (odd ones) made from a meeting whose text holds a token, under a file name and a title with
 * tokens. The PDF's bytes also go to an open item under an innocent name, so its text is public
 * while the closed Bilag's name and title must stay hidden.
 */
async function uploadBilag(
  archive: Archive,
  secretary: Actor,
  ledger: Ledger,
  meeting: LedgerMeeting,
  upload: number,
  standardItemId: number,
): Promise<boolean> {
  const closed = meeting.items.find((item) => item.isClosed && item.id !== 0);
  if (!closed) return false;
  const open = meeting.items.find((item) => !item.isClosed && item.id !== 0);
  const place = (kind: TokenKind, where: TokenPlace, item: LedgerItem | null) => {
    const token = ledger.nextToken();
    const usage = {
      token,
      forum: meeting.forum,
      meeting,
      item,
      kind,
      place: where,
      isCurrent: true,
    };
    recordUsage(ledger, usage);
    return usage;
  };
  const isPdf = upload % 2 === 0;
  const content = place('closed', 'uploadContent', closed);
  const bytes = await renderMeeting(
    makeMeeting(
      [
        makeItem(1, {
          title: `Notat om ${content.token}`,
          background: `Bilaget nævner ${content.token}.`,
        }),
      ],
      {
        forum: 'Bilagsarkivet',
        kind: 'agenda',
      },
    ),
    isPdf ? 'pdf' : 'docx',
    { kind: 'agenda' },
  );
  const fileName = place('closed', 'uploadFileName', closed);
  const title = place('closed', 'uploadTitle', closed);
  const stored = await uploadAttachment(archive, secretary, closed.id, {
    bytes,
    fileName: `${fileName.token}.${isPdf ? 'pdf' : 'docx'}`,
    title: `Bilag ${title.token}`,
  });
  meeting.uploads.push({
    id: stored.id,
    isClosed: true,
    contentToken: content.token,
    fileNameToken: fileName.token,
  });
  if (isPdf) {
    // The same bytes on an open item: their text is public from now on, their name innocent.
    recordUsage(ledger, { ...content, item: open ?? null, kind: 'open' });
    const copy = await uploadAttachment(archive, secretary, open?.id ?? standardItemId, {
      bytes,
      fileName: 'bilag-til-sagen.pdf',
      title: 'Bilag til sagen',
    });
    meeting.uploads.push({
      id: copy.id,
      isClosed: false,
      contentToken: content.token,
      fileNameToken: null,
    });
  }
  return true;
}
