/**
 * Content checks for an uploaded Bilag that go past its first bytes (see core/attachment-type.ts):
 * a PDF must open and have pages; a Word or Excel file must be a sane zip without macros or
 * programs inside. Each refusal is one Danish sentence a secretary can act on.
 *
 * The PDF check runs pdf.js in a worker thread that is terminated when the time limit runs out:
 * pdf.js works in promise callbacks on the thread that calls it, so a timer on that thread
 * could not fire until a hostile PDF let go. The worker is this same module, started with a
 * marker in its workerData (see the end of the file).
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { getDocumentProxy } from 'unpdf';
import {
  isReadableEntry,
  readEntryStart,
  readSmallEntry,
  readZipDirectory,
  type ZipEntry,
} from './zip-directory.ts';

/** The outcome of a content check: accepted (with the page count for a PDF), or refused. */
export type AttachmentInspection = { ok: true; pageCount?: number } | { ok: false; reason: string };

/** The file types a Bilag may have, as core/attachment-type.ts detects them. */
export type InspectedType = 'pdf' | 'docx' | 'xlsx';

/** The limits the checks apply; exported so callers and tests name the same numbers. */
export const attachmentInspectionLimits = {
  /** Time allowed to open a PDF, including starting its worker thread. */
  pdfTimeLimitMs: 10_000,
  /** Heap for the PDF worker; a 25 MB PDF opens in far less. */
  pdfWorkerHeapMb: 512,
  /** Entries in a Word or Excel zip; real documents have tens, rarely hundreds. */
  maxZipEntries: 10_000,
  /** Total unpacked size that the zip's directory declares. */
  maxUnpackedBytes: 500 * 1024 * 1024,
  /** Unpacked size divided by file size; Office XML packs about 5–20 times. */
  maxCompressionRatio: 100,
  /** Below this unpacked size the ratio does not matter: a small file cannot be a bomb. */
  ratioCheckFromBytes: 10 * 1024 * 1024,
  /** The largest `[Content_Types].xml` read; real ones are a few kilobytes. */
  maxContentTypesBytes: 1024 * 1024,
} as const;

/**
 * Checks that a Bilag's content is what its type promises and is safe to store and hand out.
 * Never throws for a bad file; it rejects only when the check itself cannot run.
 */
export async function inspectAttachment(
  bytes: Uint8Array,
  type: InspectedType,
  options: { pdfTimeLimitMs?: number } = {},
): Promise<AttachmentInspection> {
  switch (type) {
    case 'pdf':
      return inspectPdf(bytes, options.pdfTimeLimitMs ?? attachmentInspectionLimits.pdfTimeLimitMs);
    case 'docx':
    case 'xlsx':
      return inspectOfficePackage(bytes, officeFormats[type]);
  }
}

function refuse(reason: string): AttachmentInspection {
  return { ok: false, reason };
}

// ---------------------------------------------------------------------------------------------
// PDF

const pdfReasons = {
  damaged: 'PDF-filen kan ikke åbnes; den er beskadiget eller ikke en rigtig PDF.',
  truncated: 'PDF-filen er ufuldstændig (afkortet); gem eller hent den igen, og prøv igen.',
  password: 'PDF-filen er beskyttet med adgangskode; gem den uden adgangskode, og prøv igen.',
  restricted:
    'PDF-filen er krypteret med begrænsninger (fx mod kopiering); gem den uden beskyttelse, og prøv igen.',
  noPages: 'PDF-filen har ingen sider.',
  tooSlow: 'PDF-filen tager for lang tid at åbne og kan ikke bruges som bilag.',
  tooHeavy: 'PDF-filen kræver for meget hukommelse at åbne og kan ikke bruges som bilag.',
} as const;

async function inspectPdf(bytes: Uint8Array, timeLimitMs: number): Promise<AttachmentInspection> {
  if (!hasPdfHeader(bytes)) return refuse(pdfReasons.damaged);
  if (!hasEndOfFileMarker(bytes)) return refuse(pdfReasons.truncated);
  return openPdfInWorker(bytes, timeLimitMs);
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** A cut-off upload lacks its `%%EOF`; Acrobat, too, looks for it in the last 1024 bytes. */
function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}

const pdfWorkerRole = 'referat:pdf-inspection';

interface PdfInspectionRequest {
  role: typeof pdfWorkerRole;
  bytes: Uint8Array;
}

function isPdfInspectionRequest(data: unknown): data is PdfInspectionRequest {
  return (
    typeof data === 'object' &&
    data !== null &&
    'role' in data &&
    data.role === pdfWorkerRole &&
    'bytes' in data &&
    data.bytes instanceof Uint8Array
  );
}

function openPdfInWorker(bytes: Uint8Array, timeLimitMs: number): Promise<AttachmentInspection> {
  // The worker gets its own copy, moved rather than copied a second time.
  const copy = new Uint8Array(bytes);
  const request: PdfInspectionRequest = { role: pdfWorkerRole, bytes: copy };
  const worker = new Worker(new URL(import.meta.url), {
    workerData: request,
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: attachmentInspectionLimits.pdfWorkerHeapMb },
  });
  return new Promise((resolve, reject) => {
    let isSettled = false;
    const settle = (finish: () => void): void => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      void worker.terminate();
      finish();
    };
    const timer = setTimeout(() => settle(() => resolve(refuse(pdfReasons.tooSlow))), timeLimitMs);
    worker.once('message', (answer: AttachmentInspection) => settle(() => resolve(answer)));
    worker.once('error', (error: Error) =>
      settle(() => (isOutOfMemory(error) ? resolve(refuse(pdfReasons.tooHeavy)) : reject(error))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`PDF-kontrollen stoppede uventet (kode ${code})`))),
    );
  });
}

function isOutOfMemory(error: Error): boolean {
  return 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/**
 * Opens a PDF the way a reader would, without reading its text: the document, its encryption
 * and the first and last page (which proves the page tree reaches its end).
 */
async function openPdf(bytes: Uint8Array): Promise<AttachmentInspection> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>> | undefined;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0, disableFontFace: true });
    if (pdf.numPages < 1) return refuse(pdfReasons.noPages);
    // Permissions exist only in an encryption dictionary; an owner password alone opens here,
    // but the file cannot be merged or re-published freely.
    if ((await pdf.getPermissions()) !== null) return refuse(pdfReasons.restricted);
    await pdf.getPage(1);
    await pdf.getPage(pdf.numPages);
    return { ok: true, pageCount: pdf.numPages };
  } catch (error) {
    const isPasswordError = error instanceof Error && error.name === 'PasswordException';
    return refuse(isPasswordError ? pdfReasons.password : pdfReasons.damaged);
  } finally {
    await pdf?.loadingTask.destroy().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Word and Excel (Office Open XML packages)

interface OfficeFormat {
  /** The file as the sentence's subject: "Word-filen". */
  subject: string;
  /** The part without which the package is not this kind of document. */
  mainPart: string;
  extension: string;
  legacyExtension: string;
}

const officeFormats: Record<'docx' | 'xlsx', OfficeFormat> = {
  docx: {
    subject: 'Word-filen',
    mainPart: 'word/document.xml',
    extension: '.docx',
    legacyExtension: '.doc',
  },
  xlsx: {
    subject: 'Excel-filen',
    mainPart: 'xl/workbook.xml',
    extension: '.xlsx',
    legacyExtension: '.xls',
  },
};

const contentTypesPart = '[Content_Types].xml';
/** The first bytes of an OLE compound file: a legacy .doc/.xls, or an encrypted .docx/.xlsx. */
const compoundFileMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Names that Windows or a shell would run. */
const executableExtensions = new Set(
  'exe dll com bat cmd scr msi ps1 vbs vbe js jse wsf hta cpl pif jar sh'
    .split(' ')
    .map((extension) => `.${extension}`),
);
/** Content types of macro-enabled packages, VBA projects and Excel 4.0 macro sheets. */
const macroContentType = /macroEnabled|vbaProject|macrosheet/iu;

async function inspectOfficePackage(
  bytes: Uint8Array,
  format: OfficeFormat,
): Promise<AttachmentInspection> {
  if (isCompoundFile(bytes)) {
    return refuse(
      `${format.subject} er beskyttet med adgangskode eller gemt i det gamle ${format.legacyExtension}-format; gem den som almindelig ${format.extension} uden adgangskode.`,
    );
  }
  const entries = readZipDirectory(bytes);
  if (entries === null) return refuse(damagedReason(format));
  const reason =
    checkEntryCount(entries, format) ??
    checkEntryStorage(entries, format) ??
    checkEntryNames(entries, format) ??
    checkUnpackedSize(entries, bytes.length) ??
    checkMacroParts(entries, format) ??
    checkProgramNames(entries, format) ??
    checkRequiredParts(entries, format) ??
    checkContentTypes(bytes, entries, format) ??
    (await checkProgramContent(bytes, entries, format));
  return reason === null ? { ok: true } : refuse(reason);
}

function isCompoundFile(bytes: Uint8Array): boolean {
  return compoundFileMagic.every((byte, index) => bytes[index] === byte);
}

function damagedReason(format: OfficeFormat): string {
  return `${format.subject} kan ikke åbnes; den er beskadiget eller ikke en rigtig ${format.extension}-fil.`;
}

function programReason(format: OfficeFormat): string {
  return `${format.subject} indeholder et program eller script og kan ikke bruges som bilag.`;
}

function checkEntryCount(entries: ZipEntry[], format: OfficeFormat): string | null {
  const { maxZipEntries } = attachmentInspectionLimits;
  if (entries.length <= maxZipEntries) return null;
  return `${format.subject} består af for mange dele (mere end ${formatNumber(maxZipEntries)}) og kan ikke bruges som bilag.`;
}

/** Office never encrypts single entries or packs with other methods; readers could not cope. */
function checkEntryStorage(entries: ZipEntry[], format: OfficeFormat): string | null {
  const seen = new Set<string>();
  for (const entry of entries) {
    // Part names are case-insensitive (OPC); two entries with one name mean two readings.
    const name = entry.name.toLowerCase();
    if (!isReadableEntry(entry) || seen.has(name)) return damagedReason(format);
    seen.add(name);
  }
  return null;
}

/** Names that would land outside the folder when unpacked (zip slip) are refused. */
function checkEntryNames(entries: ZipEntry[], format: OfficeFormat): string | null {
  const isUnsafe = (name: string): boolean =>
    /^[/\\]|^[a-z]:|\0/iu.test(name) || name.split(/[/\\]/u).includes('..');
  if (!entries.some((entry) => isUnsafe(entry.name))) return null;
  return `${format.subject} indeholder filnavne, der peger uden for filen (med .. eller en absolut sti), og kan ikke bruges som bilag.`;
}

/** Sizes come from the directory; a reader that unpacks must still cap each entry at its size. */
function checkUnpackedSize(entries: ZipEntry[], fileBytes: number): string | null {
  const limits = attachmentInspectionLimits;
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unpacked > limits.maxUnpackedBytes)
    return `Filen fylder for meget udpakket (mere end ${formatNumber(limits.maxUnpackedBytes / 1024 / 1024)} MB).`;
  const isBomb =
    unpacked > limits.ratioCheckFromBytes && unpacked > fileBytes * limits.maxCompressionRatio;
  if (!isBomb) return null;
  return `Filen fylder for meget udpakket (mere end ${formatNumber(limits.maxCompressionRatio)} gange sin egen størrelse).`;
}

function checkMacroParts(entries: ZipEntry[], format: OfficeFormat): string | null {
  if (!entries.some((entry) => baseName(entry.name) === 'vbaproject.bin')) return null;
  return `${format.subject} indeholder makroer (vbaProject.bin) og kan ikke bruges som bilag.`;
}

function checkProgramNames(entries: ZipEntry[], format: OfficeFormat): string | null {
  const isProgram = (name: string): boolean => {
    const base = baseName(name);
    const dot = base.lastIndexOf('.');
    return dot >= 0 && executableExtensions.has(base.slice(dot));
  };
  return entries.some((entry) => isProgram(entry.name)) ? programReason(format) : null;
}

function checkRequiredParts(entries: ZipEntry[], format: OfficeFormat): string | null {
  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  for (const part of [contentTypesPart, format.mainPart]) {
    if (!names.has(part.toLowerCase()))
      return `${format.subject} er ikke en rigtig ${format.extension}-fil (${part} mangler).`;
  }
  return null;
}

/**
 * A .docm or .xlsm renamed to .docx still declares its macros in its content types, and so does
 * an Excel 4.0 macro sheet, which needs no vbaProject.bin.
 */
function checkContentTypes(
  bytes: Uint8Array,
  entries: ZipEntry[],
  format: OfficeFormat,
): string | null {
  const name = contentTypesPart.toLowerCase();
  const entry = entries.find((candidate) => candidate.name.toLowerCase() === name);
  if (entry === undefined) return damagedReason(format);
  const xml = readSmallEntry(bytes, entry, attachmentInspectionLimits.maxContentTypesBytes);
  if (xml === null) return damagedReason(format);
  if (!macroContentType.test(latin1(xml))) return null;
  return `${format.subject} er makroaktiveret og kan ikke bruges som bilag; gem den som almindelig ${format.extension}.`;
}

/**
 * A program hidden under an innocent name is found by its first bytes: `MZ` (Windows) or
 * `\x7fELF` (Linux). Each peek unpacks a few kilobytes at most, whatever the entry's size.
 */
async function checkProgramContent(
  bytes: Uint8Array,
  entries: ZipEntry[],
  format: OfficeFormat,
): Promise<string | null> {
  for (const entry of entries) {
    if (entry.compressedSize === 0) continue;
    const start = await readEntryStart(bytes, entry, 4);
    if (start === null) return damagedReason(format);
    if (isProgramStart(start)) return programReason(format);
  }
  return null;
}

function isProgramStart(start: Uint8Array): boolean {
  const isWindowsProgram = start[0] === 0x4d && start[1] === 0x5a;
  const isLinuxProgram =
    start[0] === 0x7f && start[1] === 0x45 && start[2] === 0x4c && start[3] === 0x46;
  return isWindowsProgram || isLinuxProgram;
}

function formatNumber(value: number): string {
  return value.toLocaleString('da-DK');
}

function baseName(name: string): string {
  return (name.split(/[/\\]/u).at(-1) ?? '').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// Worker entry: this module, started by openPdfInWorker, answers one PDF and is terminated.

if (!isMainThread && isPdfInspectionRequest(workerData)) {
  void openPdf(workerData.bytes).then((answer) => parentPort?.postMessage(answer));
}
