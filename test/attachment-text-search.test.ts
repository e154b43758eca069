import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/actor.ts';
import type { SearchHit } from '../src/search/search-provider.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import {
  downloadAttachment,
  removeAttachment,
  setAttachmentAccess,
  uploadAttachment,
} from '../src/services/attachment-service.ts';
import { readWaitingAttachmentTexts } from '../src/services/attachment-text/attachment-text-reader.ts';
import { createForum } from '../src/services/forum-service.ts';
import { importPaths } from '../src/services/import-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { searchArchive } from '../src/services/search-service.ts';
import { ServiceError } from '../src/services/service-error.ts';
import { anonymousReader, testAdministrator, userWithRole } from './support/actors.ts';
import { docxBilag, pdfBilag, xlsxBilag } from './support/bilag-files.ts';
import { testDatabases } from './support/databases.ts';

/**
 * The text inside Bilag: read in the background after upload or import (PDF, DOCX, XLSX),
 * searchable below the item's own text, hits naming their Bilag, and the read model's rules:
 * a closed item's Bilag and a Bilag marked not public never reach a reader without rights.
 */
describe.each(testDatabases())('the text inside Bilag on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  let meetingId: number;
  const items: Record<string, number> = {};
  const bilag: Record<string, number> = {};

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Økonomiudvalget',
        abbreviation: 'ØU',
        visibility: 'public',
      })
    ).id;
    meetingId = (await createMeeting(archive, testAdministrator, { forumId, date: '2027-03-04' }))
      .id;
    const add = async (key: string, title: string, extra: Record<string, unknown> = {}) => {
      items[key] = (await addItem(archive, testAdministrator, meetingId, { title, ...extra })).id;
    };
    await add('budget', 'Budgetopfølgning');
    await add('own', 'Kloakseparering i Hyldagerkvarteret', {
      background: 'Forsyningen foreslår kloakseparering af hele kvarteret i 2028.',
    });
    await add('closed', 'Personalesag', { closed: true });
    await add('sheet', 'Takster 2028');
    const upload = async (key: string, itemKey: string, bytes: Buffer, fileName: string) => {
      bilag[key] = (
        await uploadAttachment(archive, testAdministrator, items[itemKey] ?? 0, {
          bytes,
          fileName,
          title: null,
        })
      ).id;
    };
    await upload(
      'budgetPdf',
      'budget',
      pdfBilag([
        'Budgetnotat for første kvartal.',
        'Merforbruget på vintervedligeholdelse skyldes de mange snestorme i februar.',
      ]),
      'Budgetnotat.pdf',
    );
    await upload(
      'ownDocx',
      'own',
      await docxBilag(['Teknisk notat: kloakseparering giver færre oversvømmelser.']),
      'Teknisk notat.docx',
    );
    await upload(
      'closedDocx',
      'closed',
      await docxBilag([
        'Fratrædelsesaftalen med direktøren indeholder en fratrædelsesgodtgørelse.',
      ]),
      'Aftale.docx',
    );
    await upload(
      'sheetXlsx',
      'sheet',
      await xlsxBilag('Takstblad', [
        ['Ydelse', 'Takst'],
        ['Hjemmehjælp pr. time', 412],
        ['Madudbringning', 61],
      ]),
      'Takstblad.xlsx',
    );
    await upload(
      'internalPdf',
      'budget',
      pdfBilag([
        'Forhandlingsoplæg: vi kan højst tilbyde grundejerforeningen halvandet hundrede tusinde.',
      ]),
      'Forhandlingsoplæg.pdf',
    );
    await publishAgenda(archive, testAdministrator, meetingId);
  });
  afterAll(async () => {
    await archive?.close();
  });

  const search = (actor: Actor, text: string): Promise<SearchHit[]> =>
    searchArchive(archive, actor, { text });
  const member = () => userWithRole(forumId, 'member');

  it('reads the text of PDF, DOCX and XLSX Bilag in the background, once', async () => {
    expect(await search(anonymousReader, 'snestorme')).toEqual([]);
    const pass = await readWaitingAttachmentTexts(archive);
    expect(pass).toMatchObject({ read: 5, withoutText: 0, failed: [] });
    expect(await readWaitingAttachmentTexts(archive)).toMatchObject({ read: 0 });
    const states = await archive.database.db
      .selectFrom('file_texts')
      .select(['status', 'method'])
      .orderBy('file_id')
      .execute();
    expect(states.map((state) => state.method).sort()).toEqual([
      'docx',
      'docx',
      'pdf',
      'pdf',
      'xlsx',
    ]);
  });

  it('finds a word only a Bilag has, and names the Bilag with a snippet', async () => {
    const [hit, ...rest] = await search(anonymousReader, 'snestorme');
    expect(rest).toEqual([]);
    expect(hit?.item.id).toBe(items.budget);
    expect(hit?.attachment).toEqual({
      id: bilag.budgetPdf,
      title: 'Budgetnotat',
      fileName: 'Budgetnotat.pdf',
    });
    expect(hit?.snippet).toContain('[[snestorme]]');
    const [sheetHit] = await search(anonymousReader, 'madudbringning');
    expect(sheetHit?.item.id).toBe(items.sheet);
    expect(sheetHit?.attachment?.fileName).toBe('Takstblad.xlsx');
  });

  it('weighs a Bilag below the item’s own text', async () => {
    const hits = await search(anonymousReader, 'kloakseparering');
    expect(hits.map((hit) => hit.item.id)).toEqual([items.own]);
    // The item's own text matches: the hit shows that, not the Bilag.
    expect(hits[0]?.attachment).toBeNull();
    expect(hits[0]?.snippet).toContain('[[kloakseparering]]');
    const both = await search(anonymousReader, 'oversvømmelser snestorme');
    expect(both.map((hit) => hit.item.id).sort()).toEqual([items.budget, items.own].sort());
  });

  it('ranks an item whose own text matches above one whose Bilag alone do', async () => {
    const other = await addItem(archive, testAdministrator, meetingId, {
      title: 'Vintertjeneste',
      background: 'Snestorme i februar gav ekstra udkald.',
    });
    const hits = await search(testAdministrator, 'snestorme');
    expect(hits.map((hit) => hit.item.id)).toEqual([other.id, items.budget]);
    expect(hits[0]?.attachment).toBeNull();
    expect(hits[1]?.attachment?.id).toBe(bilag.budgetPdf);
  });

  it('keeps a closed item’s Bilag from readers without rights', async () => {
    expect(await search(anonymousReader, 'fratrædelsesgodtgørelse')).toEqual([]);
    const [hit] = await search(member(), 'fratrædelsesgodtgørelse');
    expect(hit?.item.id).toBe(items.closed);
    expect(hit?.attachment?.id).toBe(bilag.closedDocx);
  });

  it('keeps a Bilag marked not public from the public, in search and download', async () => {
    expect((await search(anonymousReader, 'grundejerforeningen'))[0]?.attachment?.id).toBe(
      bilag.internalPdf,
    );
    await setAttachmentAccess(archive, testAdministrator, bilag.internalPdf ?? 0, false);
    expect(await search(anonymousReader, 'grundejerforeningen')).toEqual([]);
    expect(await search(userWithRole(forumId + 1000, 'member'), 'grundejerforeningen')).toEqual([]);
    const [memberHit] = await search(member(), 'grundejerforeningen');
    expect(memberHit?.attachment?.id).toBe(bilag.internalPdf);
    const refused = await downloadAttachment(
      archive,
      anonymousReader,
      bilag.internalPdf ?? 0,
    ).catch((error: unknown) => error);
    expect((refused as ServiceError).status).toBe(404);
    expect((await downloadAttachment(archive, member(), bilag.internalPdf ?? 0)).fileName).toBe(
      'Forhandlingsoplæg.pdf',
    );
    // The other Bilag of the same item stay public.
    const stormHits = await search(anonymousReader, 'snestorme');
    expect(stormHits.find((hit) => hit.item.id === items.budget)?.attachment?.id).toBe(
      bilag.budgetPdf,
    );
    await setAttachmentAccess(archive, testAdministrator, bilag.internalPdf ?? 0, true);
    expect((await search(anonymousReader, 'grundejerforeningen'))[0]?.attachment?.id).toBe(
      bilag.internalPdf,
    );
  });

  it('lets only the forum’s secretaries mark a Bilag', async () => {
    for (const actor of [anonymousReader, member()]) {
      const refused = await setAttachmentAccess(archive, actor, bilag.budgetPdf ?? 0, false).catch(
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(ServiceError);
      expect([401, 403, 404]).toContain((refused as ServiceError).status);
    }
    const secretary = userWithRole(forumId, 'secretary');
    expect(await setAttachmentAccess(archive, secretary, bilag.budgetPdf ?? 0, true)).toEqual({
      id: bilag.budgetPdf,
      isPublic: true,
    });
  });

  it('forgets a removed Bilag', async () => {
    await removeAttachment(archive, testAdministrator, bilag.sheetXlsx ?? 0);
    expect(await search(testAdministrator, 'madudbringning')).toEqual([]);
  });
});

/** An ESDH export's Bilag come in with the meeting: stored, read, searchable, closed ones kept. */
describe.each(testDatabases())('Bilag of an imported export on %s', (_name, openDatabase) => {
  let archive: Archive;
  let folder: string;
  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    // The forum the export names, made public here: imported meetings are read as published.
    await createForum(archive, testAdministrator, {
      name: 'Økonomiudvalget',
      abbreviation: 'ØU',
      visibility: 'public',
    });
    folder = await mkdtemp(join(tmpdir(), 'referat-export-'));
    await cp(new URL('./fixtures/esdh/extra/sbsys-minutes/', import.meta.url), folder, {
      recursive: true,
    });
    // The export's first Bilag becomes a real PDF, and its second, now present, is marked closed.
    await writeFile(
      join(folder, 'Enclosures', '2.pdf'),
      pdfBilag(['Driftsoverskuddet på ældreområdet skyldes færre visitationer.']),
    );
    await writeFile(
      join(folder, 'Enclosures', '3.pdf'),
      pdfBilag(['Skoleområdet: fortrolige elevtal fordelt på klassetrin.']),
    );
    const xmlPath = join(folder, 'Publication7.xml');
    const xml = await readFile(xmlPath, 'utf8');
    await writeFile(
      xmlPath,
      xml.replace(
        '<Number>2</Number><InstantiationFilePathRelative>',
        '<Number>2</Number><IsPublic>False</IsPublic><InstantiationFilePathRelative>',
      ),
    );
  });
  afterAll(async () => {
    await archive?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('stores the Bilag files, reads them and keeps the closed one from the public', async () => {
    const summary = await importPaths(archive, testAdministrator, [folder]);
    expect(summary.failures).toEqual([]);
    expect(summary.attachmentFiles).toBe(2);
    expect(await readWaitingAttachmentTexts(archive)).toMatchObject({ read: 2, failed: [] });
    const [hit] = await searchArchive(archive, anonymousReader, { text: 'visitationer' });
    expect(hit?.attachment).toMatchObject({ title: 'Budgetnotat januar', fileName: '2.pdf' });
    expect(hit?.item.title).toContain('Budgetopfølgning');
    expect(await searchArchive(archive, anonymousReader, { text: 'elevtal' })).toEqual([]);
    const [internal] = await searchArchive(archive, testAdministrator, { text: 'elevtal' });
    expect(internal?.attachment?.title).toBe('Bilag B: Skoleområdet');
    const download = await downloadAttachment(archive, anonymousReader, hit?.attachment?.id ?? 0);
    expect(download.mediaType).toBe('application/pdf');
  });

  it('keeps the text read when the export is imported again', async () => {
    const before = await archive.database.db.selectFrom('file_texts').selectAll().execute();
    const summary = await importPaths(archive, testAdministrator, [folder]);
    expect(summary.updatedMeetings).toBe(1);
    const after = await archive.database.db.selectFrom('file_texts').selectAll().execute();
    expect(after).toEqual(before);
    expect(await readWaitingAttachmentTexts(archive)).toMatchObject({ read: 0 });
    const hits = await searchArchive(archive, anonymousReader, { text: 'visitationer' });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.attachment?.fileName).toBe('2.pdf');
  });
});
