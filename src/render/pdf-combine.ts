/**
 * The "samlet PDF": a meeting's document with its Bilag appended, one bookmark (outline
 * entry) for the document, with its items below it, and one for each Bilag. Bilag that
 * cannot be appended (Word and Excel files, damaged or encrypted PDFs) get a notice page in
 * their place instead, so one bad file never costs the reader the whole download.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { type NoticePage, renderNoticePages } from './pdf-renderer.ts';

/** What kind of file a Bilag is, as far as the combined PDF cares. */
export type CombinedFileKind = 'pdf' | 'word' | 'excel' | 'other';

/** One Bilag to append, in the order the document lists them. */
export interface CombinedAttachment {
  /** The bookmark and the notice page's heading: "Bilag til punkt 3: Budgetnotat". */
  bookmark: string;
  /** The Bilag's own title, for the notice text. */
  title: string;
  kind: CombinedFileKind;
  bytes: Uint8Array;
}

/** A bookmark and where it points. */
interface OutlineEntry {
  title: string;
  pageIndex: number;
  /** The height on the page to show from, or null for the page's top. */
  top: number | null;
  children: OutlineEntry[];
}

const fileKindNames: Record<Exclude<CombinedFileKind, 'pdf'>, string> = {
  word: 'en Word-fil',
  excel: 'en Excel-fil',
  other: 'ikke en PDF-fil',
};

/**
 * Appends the Bilag to the rendered document and bookmarks the whole: the document (with the
 * bookmarks Typst made for its items below it), then each Bilag.
 */
export async function combinePdf(
  main: { title: string; bytes: Uint8Array },
  attachments: readonly CombinedAttachment[],
): Promise<Uint8Array> {
  const combined = await PDFDocument.create({ updateMetadata: false });
  const source = await PDFDocument.load(main.bytes, { updateMetadata: false });
  const mainPages = await combined.copyPages(source, source.getPageIndices());
  for (const page of mainPages) combined.addPage(page);
  const outline: OutlineEntry[] = [
    { title: main.title, pageIndex: 0, top: null, children: readOutline(source) },
  ];

  // Bilag are copied in first, so that the notices for all that fail are typeset in one go.
  const prepared: Array<{ bookmark: string; pages: PDFPage[] } | { notice: NoticePage }> = [];
  for (const attachment of attachments) {
    const pages = attachment.kind === 'pdf' ? await copyReadablePages(combined, attachment) : null;
    prepared.push(
      pages
        ? { bookmark: attachment.bookmark, pages }
        : { notice: { heading: attachment.bookmark, text: noticeText(attachment) } },
    );
  }
  const notices = prepared.flatMap((entry) => ('notice' in entry ? [entry.notice] : []));
  const noticePages =
    notices.length > 0 ? await copyAllPages(combined, renderNoticePages(main.title, notices)) : [];

  for (const entry of prepared) {
    const pageIndex = combined.getPageCount();
    const pages = 'pages' in entry ? entry.pages : noticePages.splice(0, 1);
    for (const page of pages) combined.addPage(page);
    const bookmark = 'pages' in entry ? entry.bookmark : entry.notice.heading;
    if (pages.length > 0) outline.push({ title: bookmark, pageIndex, top: null, children: [] });
  }

  combined.setTitle(main.title, { showInWindowTitleBar: true });
  combined.setLanguage('da');
  combined.setCreator('Referat');
  combined.setProducer('Referat');
  writeOutline(combined, outline);
  return combined.save();
}

/**
 * A Bilag's pages copied into the combined file, or null when they cannot be: a damaged or
 * encrypted PDF (its pages would copy as unreadable), or one without pages. Any error pdf-lib
 * throws while reading counts; the pages are only added to the file later, in order.
 */
async function copyReadablePages(
  combined: PDFDocument,
  attachment: CombinedAttachment,
): Promise<PDFPage[] | null> {
  try {
    const document = await PDFDocument.load(attachment.bytes, { updateMetadata: false });
    if (document.isEncrypted || document.getPageCount() === 0) return null;
    return await combined.copyPages(document, document.getPageIndices());
  } catch {
    return null;
  }
}

async function copyAllPages(combined: PDFDocument, bytes: Uint8Array): Promise<PDFPage[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  return combined.copyPages(document, document.getPageIndices());
}

function noticeText(attachment: CombinedAttachment): string {
  if (attachment.kind === 'pdf') {
    return `Bilaget »${attachment.title}« kunne ikke lægges ind her, fordi filen ikke kan læses som PDF. Det kan hentes separat.`;
  }
  return `Bilaget »${attachment.title}« er ${fileKindNames[attachment.kind]} og kan hentes separat.`;
}

/**
 * The top level of a PDF's bookmarks (Typst's: one per item), with the pages they point to;
 * entries that point elsewhere than a page of this file are left out.
 */
function readOutline(document: PDFDocument): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const pageIndexOf = new Map(document.getPages().map((page, index) => [page.ref.tag, index]));
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  // A guard against a cyclic list in a hand-made file; Typst writes one entry per item.
  for (let count = 0; item && count < 10_000; count++) {
    const title = textOf(item.lookup(PDFName.of('Title')));
    const destination = item.lookup(PDFName.of('Dest'));
    if (title !== null && destination instanceof PDFArray) {
      const pageRef = destination.get(0);
      const pageIndex = pageRef instanceof PDFRef ? pageIndexOf.get(pageRef.tag) : undefined;
      const top = destination.lookup(3);
      if (pageIndex !== undefined) {
        entries.push({
          title,
          pageIndex,
          top: top instanceof PDFNumber ? top.asNumber() : null,
          children: [],
        });
      }
    }
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return entries;
}

function textOf(value: PDFObject | undefined): string | null {
  if (value instanceof PDFString || value instanceof PDFHexString) return value.decodeText();
  return null;
}

/** Writes the bookmarks as the file's outline and asks viewers to show it on opening. */
function writeOutline(document: PDFDocument, entries: readonly OutlineEntry[]): void {
  const context = document.context;
  const pages = document.getPages();
  const rootRef = context.nextRef();
  const writeLevel = (
    level: readonly OutlineEntry[],
    parentRef: PDFRef,
  ): { first: PDFRef; last: PDFRef; count: number } | null => {
    const refs = level.map(() => context.nextRef());
    let count = 0;
    level.forEach((entry, index) => {
      const ref = refs[index] as PDFRef;
      const page = pages[entry.pageIndex] ?? pages[0];
      const dictionary = context.obj({}) as PDFDict;
      dictionary.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
      dictionary.set(PDFName.of('Parent'), parentRef);
      const previous = refs[index - 1];
      const next = refs[index + 1];
      if (previous) dictionary.set(PDFName.of('Prev'), previous);
      if (next) dictionary.set(PDFName.of('Next'), next);
      if (page) {
        dictionary.set(
          PDFName.of('Dest'),
          context.obj([
            page.ref,
            PDFName.of('XYZ'),
            PDFNull,
            entry.top === null ? PDFNull : PDFNumber.of(entry.top),
            PDFNull,
          ]),
        );
      }
      const children = writeLevel(entry.children, ref);
      if (children) {
        dictionary.set(PDFName.of('First'), children.first);
        dictionary.set(PDFName.of('Last'), children.last);
        // Positive: the entry opens with its children showing.
        dictionary.set(PDFName.of('Count'), PDFNumber.of(children.count));
        count += children.count;
      }
      context.assign(ref, dictionary);
      count++;
    });
    const first = refs[0];
    const last = refs.at(-1);
    return first && last ? { first, last, count } : null;
  };
  const top = writeLevel(entries, rootRef);
  const root = context.obj({ Type: 'Outlines' }) as PDFDict;
  if (top) {
    root.set(PDFName.of('First'), top.first);
    root.set(PDFName.of('Last'), top.last);
    root.set(PDFName.of('Count'), PDFNumber.of(top.count));
  }
  context.assign(rootRef, root);
  document.catalog.set(PDFName.of('Outlines'), rootRef);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
