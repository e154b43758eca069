import type { AnonymousActor } from '../../../core/actor.ts';
import { formatDanishDate } from '../../../core/danish-date.ts';
import { escapeHtml } from '../../../render/html-blocks.ts';
import { renderHtml } from '../../../render/html-renderer.ts';
import { buildRenderDocument } from '../../../render/render-model.ts';
import type { Archive } from '../../../services/archive.ts';
import { caseLinker } from '../../../services/case-link-settings.ts';
import {
  type DocumentKind,
  getPublishedMeeting,
  type PublishedMeetingView,
} from '../../../services/portal-service.ts';
import {
  casePageHref,
  caseSystemLink,
  combinedPdfHref,
  documentKindLabels,
  meetingPageHref,
  portalPage,
  publishedDate,
  statusBadge,
  versionPdfHref,
} from './portal-layout.ts';

/**
 * /arkiv/moeder/:id: the meeting's published agenda or minutes as a page (the latest
 * version of the document its state gives, or the version asked for), never the working
 * copy; with its PDF, the Word and samlet PDF downloads, and every published version.
 */
export async function renderMeetingPage(
  archive: Archive,
  reader: AnonymousActor,
  meetingId: number,
  wanted: { kind?: DocumentKind; number?: number },
): Promise<string> {
  const view = await getPublishedMeeting(archive, reader, meetingId, wanted);
  const { meeting, shown } = view;
  const trail = [
    { label: meeting.forum, href: `/arkiv/fora/${meeting.forumId}` },
    { label: formatDanishDate(meeting.date) },
  ];
  if (!shown) {
    const body = `<h1>${escapeHtml(meeting.forum)}, ${escapeHtml(formatDanishDate(meeting.date))}</h1><p>${statusBadge(meeting.status)}</p><p>Der er endnu ikke udsendt en dagsorden eller et referat til mødet.</p>`;
    return portalPage(`${meeting.forum} ${formatDanishDate(meeting.date)}`, body, trail);
  }
  const layout = buildRenderDocument(shown.document, {
    kind: shown.kind,
    annotations: shown.annotations,
  });
  const parts = documentParts(renderHtml(layout));
  const caseNumbers = layout.items.flatMap((item) => (item.caseNumber ? [item.caseNumber] : []));
  const body = [
    parts.header,
    aboutDocument(view, shown),
    parts.contents,
    linkCaseNumbers(parts.items, caseNumbers, caseLinker(archive)),
    versionList(view, shown),
  ].join('\n');
  return portalPage(layout.title, body, trail);
}

/** "dagsordenen", "referatet": the documents' names in running text. */
const definiteForms: Record<DocumentKind, string> = { agenda: 'dagsordenen', minutes: 'referatet' };

type ShownVersion = NonNullable<PublishedMeetingView['shown']>;

/** What is shown, its state, and the downloads, between the document's header and contents. */
function aboutDocument(view: PublishedMeetingView, shown: ShownVersion): string {
  const { meeting } = view;
  const definite = definiteForms[shown.kind];
  const isLatest = !view.versions.some(
    (version) => version.kind === shown.kind && version.number > shown.number,
  );
  const which = shown.imported
    ? `Siden viser ${definite}, importeret fra det gamle arkiv.`
    : `Siden viser ${definite}, version ${shown.number}, udsendt ${publishedDate(shown.publishedAt)}.`;
  const newer = isLatest
    ? ''
    : ` <a href="${meetingPageHref(meeting.id, { kind: shown.kind })}">Gå til den seneste version</a>.`;
  const otherKind = shown.kind === view.currentKind ? undefined : shown.kind;
  const downloads = [
    `<li><a href="${versionPdfHref(meeting.id, shown)}">${documentKindLabels[shown.kind]} som PDF</a></li>`,
    `<li><a href="/api/meetings/${meeting.id}/document.docx${otherKind ? `?kind=${otherKind}` : ''}">${documentKindLabels[shown.kind]} som Word</a></li>`,
    `<li><a href="${combinedPdfHref(meeting.id, otherKind)}">Samlet PDF med bilag</a></li>`,
    `<li><a href="#versioner">Udsendte versioner</a></li>`,
  ];
  return `<div class="about-document"><p>Mødets status: ${statusBadge(meeting.status)}</p><p>${which}${newer}</p><ul class="document-links">${downloads.join('')}</ul></div>`;
}

/** Every published version, oldest first, each with its page and PDF (and a visible reason). */
function versionList(view: PublishedMeetingView, shown: ShownVersion): string {
  const entries = view.versions.map((version) => {
    const name = `${documentKindLabels[version.kind]}, version ${version.number}`;
    const when = version.imported
      ? 'importeret fra arkivet'
      : `udsendt ${publishedDate(version.publishedAt)}`;
    const isShown = version.kind === shown.kind && version.number === shown.number;
    const title = isShown
      ? `<strong>${name}</strong> (vises her)`
      : `<a href="${meetingPageHref(view.meeting.id, version)}">${name}</a>`;
    const reason = version.reason ? `<br>Rettelse: ${escapeHtml(version.reason)}` : '';
    return `<li>${title}, ${when}. <a href="${versionPdfHref(view.meeting.id, version)}">PDF<span class="visually-hidden"> af ${name.toLowerCase()}</span></a>${reason}</li>`;
  });
  return `<section id="versioner" aria-labelledby="versioner-titel"><h2 id="versioner-titel">Udsendte versioner</h2><ol class="versions">${entries.join('')}</ol></section>`;
}

/**
 * Makes each item's journal number a link to the case's page, and, with REFERAT_CASE_URL, adds
 * a link to the case in the municipality's case system. The renderer wrote the number
 * escaped; only numbers the document has are linked, from their own unescaped text.
 */
function linkCaseNumbers(
  items: string,
  caseNumbers: readonly string[],
  caseUrl?: (caseNumber: string) => string,
): string {
  const byEscaped = new Map(caseNumbers.map((caseNumber) => [escapeHtml(caseNumber), caseNumber]));
  return items.replace(/<p class="journalnummer">([^<]*)<\/p>/gu, (paragraph, escaped: string) => {
    const caseNumber = byEscaped.get(escaped);
    if (caseNumber === undefined) return paragraph;
    return `<p class="journalnummer"><a href="${escapeHtml(casePageHref(caseNumber))}"><span class="visually-hidden">Sagens forløb, journalnummer </span>${escaped}</a>${caseSystemLink(caseNumber, caseUrl)}</p>`;
  });
}

/**
 * The rendered document's parts, to set inside the portal's frame (one header, one main):
 * its header with the title and facts, its table of contents and its items. All text in them
 * is escaped by the renderer, so the tags searched for here occur only as its own markup.
 */
function documentParts(html: string): { header: string; contents: string; items: string } {
  const header = /<header>[\s\S]*?<\/header>/u.exec(html)?.[0] ?? '';
  const contents =
    /<nav aria-labelledby="indholdsfortegnelse">[\s\S]*?<\/nav>/u.exec(html)?.[0] ?? '';
  const items = /<main id="indhold">\n?([\s\S]*)<\/main>/u.exec(html)?.[1] ?? '';
  return { header, contents, items };
}
