import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFObject,
  PDFString,
  StandardFonts,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { type Archive, openArchiveOn } from '../src/services/archive.ts';
import { uploadAttachment } from '../src/services/attachment-service.ts';
import { renderCombinedPdf } from '../src/services/document-service.ts';
import { createForum } from '../src/services/forum-service.ts';
import { addItem } from '../src/services/item-service.ts';
import { createMeeting, publishAgenda } from '../src/services/meeting-flow-service.ts';
import { ServiceError } from '../src/services/service-error.ts';
import { getWorkspace } from '../src/services/workspace-service.ts';
import { insertAttachment, storeFile } from '../src/store/file-store.ts';
import { anonymousReader, testAdministrator } from './support/actors.ts';
import { testDatabases } from './support/databases.ts';

const scratch = mkdtempSync(join(tmpdir(), 'referat-combined-'));
const wordBilag = readFileSync(
  new URL('./fixtures/minutes/chefforum-2015-11-05.docx', import.meta.url),
);

/** A small PDF made here, one line of text on each page: "<label> side N". */
async function makePdf(label: string, pageCount: number): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pageCount; page++) {
    document.addPage([300, 200]).drawText(`${label} side ${page}`, { x: 20, y: 100, font });
  }
  return document.save();
}

/** Each page's text, read back by poppler's pdftotext. */
function pageTexts(pdf: Uint8Array): string[] {
  const path = join(scratch, `combined-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

interface Bookmark {
  title: string;
  pageIndex: number;
  children: Bookmark[];
}

/** The PDF's outline (bookmarks) with the page each points to, read with pdf-lib. */
async function readBookmarks(pdf: Uint8Array): Promise<Bookmark[]> {
  const document = await PDFDocument.load(pdf);
  const pageIndexOf = new Map(document.getPages().map((page, index) => [page.ref.tag, index]));
  const titleOf = (value: PDFObject | undefined): string =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : '';
  const readLevel = (first: PDFDict | undefined): Bookmark[] => {
    const level: Bookmark[] = [];
    for (let entry = first; entry; entry = entry.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const destination = entry.lookup(PDFName.of('Dest'));
      const pageRef = destination instanceof PDFArray ? destination.get(0) : undefined;
      level.push({
        title: titleOf(entry.lookup(PDFName.of('Title'))),
        pageIndex: pageIndexOf.get(String(pageRef)) ?? -1,
        children: readLevel(entry.lookupMaybe(PDFName.of('First'), PDFDict)),
      });
    }
    return level;
  };
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  return readLevel(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
}

/** The "samlet PDF": the document with the Bilag each reader may download, bookmarked. */
describe.each(testDatabases())('the combined PDF on %s', (_name, openDatabase) => {
  let archive: Archive;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let meetingId: number;
  let openNumber: number;
  let closedNumber: number;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    const forum = await createForum(archive, testAdministrator, {
      name: 'Chefforum',
      abbreviation: 'CF',
      visibility: 'public',
    });
    meetingId = (
      await createMeeting(archive, testAdministrator, { forumId: forum.id, date: '2027-01-07' })
    ).id;
    const openItemId = (
      await addItem(archive, testAdministrator, meetingId, { title: 'Budget 2028' })
    ).id;
    const closedItemId = (
      await addItem(archive, testAdministrator, meetingId, { title: 'Fratrædelse', closed: true })
    ).id;
    const upload = (itemId: number, bytes: Uint8Array, fileName: string, title: string) =>
      uploadAttachment(archive, testAdministrator, itemId, { bytes, fileName, title });
    await upload(openItemId, await makePdf('Budgetnotat', 2), 'budgetnotat.pdf', 'Budgetnotat');
    await upload(openItemId, wordBilag, 'skema.docx', 'Skema');
    await upload(closedItemId, await makePdf('Fortrolig aftale', 3), 'aftale.pdf', 'Aftalen');
    // A damaged PDF cannot be uploaded any more, but older or imported files may be damaged.
    const db = archive.database.db;
    const brokenId = await storeFile(db, {
      bytes: new TextEncoder().encode('%PDF-1.7\nikke en rigtig PDF'),
      name: 'beskadiget.pdf',
      mediaType: 'application/pdf',
    });
    await insertAttachment(db, openItemId, {
      title: 'Beskadiget',
      fileId: brokenId,
      fileName: 'beskadiget.pdf',
    });
    await publishAgenda(archive, testAdministrator, meetingId);
    const items = (await getWorkspace(archive, testAdministrator, meetingId)).items;
    openNumber = items.find((item) => item.title === 'Budget 2028')?.number ?? 0;
    closedNumber = items.find((item) => item.title === 'Fratrædelse')?.number ?? 0;
    app = await buildApp({ archive });
    // PGlite starts and migrates slowly on a busy machine.
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await archive?.close();
  });

  it('appends the PDF Bilag with a bookmark each, and a page for those it cannot append', async () => {
    const { bytes, fileName } = await renderCombinedPdf(
      archive,
      testAdministrator,
      meetingId,
      'agenda',
    );
    expect(fileName).toBe('dagsorden-chefforum-2027-01-07-med-bilag.pdf');
    const pages = pageTexts(bytes);
    const bookmarks = await readBookmarks(bytes);
    const [document, ...bilag] = bookmarks;
    expect(document?.title).toBe('DAGSORDEN Chefforum d. 07-01-2027');
    expect(document?.pageIndex).toBe(0);
    // The document's own bookmarks, one per item, stay below it.
    expect(document?.children.map((child) => child.title)).toContain(
      `Punkt ${openNumber}: CF - Budget 2028`,
    );
    expect(bilag.map((entry) => entry.title)).toEqual([
      `Bilag til punkt ${openNumber}: Budgetnotat`,
      `Bilag til punkt ${openNumber}: Skema`,
      `Bilag til punkt ${openNumber}: Beskadiget`,
      `Bilag til punkt ${closedNumber}: Aftalen`,
    ]);
    const [notat, skema, beskadiget, aftale] = bilag.map((entry) => entry.pageIndex);
    const mainPageCount = notat ?? 0;
    const budget = document?.children.find((child) => child.title.endsWith('Budget 2028'));
    expect(pages[budget?.pageIndex ?? -1]).toMatch(/^Punkt \d+: CF - Budget 2028/mu);
    expect(budget?.pageIndex).toBeLessThan(mainPageCount);
    expect(pages[notat ?? -1]).toContain('Budgetnotat side 1');
    expect(pages[(notat ?? -1) + 1]).toContain('Budgetnotat side 2');
    expect(pages[skema ?? -1]).toContain('Bilaget »Skema« er en Word-fil og kan hentes separat.');
    expect(pages[beskadiget ?? -1]).toContain('fordi filen ikke kan læses som PDF');
    expect(pages[aftale ?? -1]).toContain('Fortrolig aftale side 1');
    // 2 + 1 + 1 + 3 pages after the document.
    expect(pages).toHaveLength(mainPageCount + 7);
  });

  it('gives an anonymous reader none of a closed item’s Bilag', async () => {
    const { bytes } = await renderCombinedPdf(archive, anonymousReader, meetingId, 'agenda');
    const text = pageTexts(bytes).join('\n');
    expect(text).toContain('Budgetnotat side 2');
    expect(text).not.toMatch(/Fortrolig|Aftalen|Fratrædelse/u);
    const titles = (await readBookmarks(bytes)).map((entry) => entry.title);
    expect(titles).toHaveLength(4);
    expect(titles.join('\n')).not.toContain(`punkt ${closedNumber}`);
  });

  it('answers the minutes with 409 until they are published', async () => {
    const refused = await renderCombinedPdf(archive, anonymousReader, meetingId, 'minutes').catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ServiceError);
    expect((refused as ServiceError).status).toBe(409);
  });

  it('serves it as a download at /api/meetings/:id/combined.pdf, with Danish errors', async () => {
    const response = await app.inject({
      url: `/api/meetings/${meetingId}/combined.pdf?kind=agenda`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="dagsorden-chefforum-2027-01-07-med-bilag.pdf"',
    );
    expect(pageTexts(response.rawPayload).join('\n')).not.toContain('Fortrolig');
    const missing = await app.inject({ url: '/api/meetings/999999/combined.pdf?kind=agenda' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'Mødet findes ikke.' });
    const badKind = await app.inject({
      url: `/api/meetings/${meetingId}/combined.pdf?kind=bilag`,
    });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error).toMatch(/^Ugyldig forespørgsel/u);
    const minutes = await app.inject({
      url: `/api/meetings/${meetingId}/combined.pdf?kind=minutes`,
    });
    expect(minutes.statusCode).toBe(409);
    expect(minutes.json()).toEqual({ error: 'Referatet er ikke udsendt endnu; hent dagsordenen.' });
    const openApi = await app.inject({ url: '/api/docs/json' });
    expect(Object.keys(openApi.json().paths)).toContain('/api/meetings/{id}/combined.pdf');
  });
});
