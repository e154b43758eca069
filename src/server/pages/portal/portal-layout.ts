import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AnonymousActor, anonymousAt } from '../../../core/actor.ts';
import { formatDanishDate } from '../../../core/danish-date.ts';
import { type MeetingStatus, meetingStatusLabels } from '../../../core/meeting-lifecycle.ts';
import { escapeHtml } from '../../../render/html-blocks.ts';
import type {
  DocumentKind,
  PortalMeeting,
  PublishedVersionReference,
} from '../../../services/portal-service.ts';
import { ServiceError } from '../../../services/service-error.ts';
import { renderPage } from '../page-layout.ts';

/**
 * The pieces every page of the public portal shares: who reads it, the frame, the trail, the
 * state badge, dates and the links to a meeting's documents.
 */

/**
 * The portal's reader: always the anonymous reader (at the client's address, for the audit
 * log), even for a signed-in member, so the portal shows exactly what the public sees; the
 * app is where members see more. The request's own actor is deliberately not consulted.
 */
export function portalReader(request: FastifyRequest): AnonymousActor {
  return anonymousAt(request.ip);
}

/** Sends a portal page as HTML. */
export function sendPage(reply: FastifyReply, html: string, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(html);
}

/** Sends the portal's Danish "not found" page with 404. */
export function sendNotFound(reply: FastifyReply, heading = 'Siden findes ikke'): FastifyReply {
  const body = `<h1>${escapeHtml(heading)}</h1><p>Siden findes ikke, eller den er ikke offentlig.</p><p><a href="/arkiv">Gå til arkivets forside</a></p>`;
  return sendPage(reply, portalPage('Findes ikke', body), 404);
}

/** A service's answer, or null when it answers 404 (the page then says "findes ikke"). */
export async function unlessNotFound<T>(answer: Promise<T>): Promise<T | null> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof ServiceError && error.status === 404) return null;
    throw error;
  }
}

/** A positive whole number from a path or query parameter, or null for anything else. */
export function parsePositiveInteger(text: string | undefined): number | null {
  if (text === undefined || !/^[1-9]\d{0,9}$/u.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/** One step of the trail: a link, or (the last) the current page. */
export interface Crumb {
  label: string;
  href?: string;
}

/** A portal page: the site's frame with the portal's style and a trail from /arkiv. */
export function portalPage(title: string, body: string, trail: readonly Crumb[] = []): string {
  return renderPage(title, body, {
    breadcrumbs:
      trail.length > 0 ? breadcrumbs([{ label: 'Arkiv', href: '/arkiv' }, ...trail]) : '',
    extraStyle: portalStyle,
  });
}

function breadcrumbs(trail: readonly Crumb[]): string {
  const steps = trail.map((crumb, index) =>
    index === trail.length - 1 || !crumb.href
      ? `<li><span aria-current="page">${escapeHtml(crumb.label)}</span></li>`
      : `<li><a href="${escapeHtml(crumb.href)}">${escapeHtml(crumb.label)}</a></li>`,
  );
  return `<nav class="breadcrumbs" aria-label="Du er her"><ol>${steps.join('')}</ol></nav>`;
}

/** The Danish names of the two documents. */
export const documentKindLabels: Record<DocumentKind, string> = {
  agenda: 'Dagsorden',
  minutes: 'Referat',
};

/** A meeting's state as a badge ("Referat godkendt", "Aflyst"). */
export function statusBadge(status: MeetingStatus): string {
  const cancelled = status === 'cancelled' ? ' status-cancelled' : '';
  return `<span class="status${cancelled}">${escapeHtml(meetingStatusLabels[status])}</span>`;
}

/** "7. december 2026" as a <time>, with the start ("kl. 09:00") when known. */
export function meetingTime(date: string, start: string | null = null): string {
  const clock = start ? ` kl. ${escapeHtml(start)}` : '';
  return `<time datetime="${escapeHtml(date)}">${escapeHtml(formatDanishDate(date))}${clock}</time>`;
}

/** A meeting in one line: its date linked to its page, the room, and its state. */
export function meetingLine(meeting: PortalMeeting): string {
  const place = meeting.location ? `, ${escapeHtml(meeting.location)}` : '';
  return `<a href="${meetingPageHref(meeting.id)}">${meetingTime(meeting.date, meeting.start)}</a>${place} ${statusBadge(meeting.status)}`;
}

const copenhagenDate = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** A moment (when a version was published) as its Danish date in Copenhagen. */
export function publishedDate(moment: string): string {
  const date = new Date(moment);
  if (Number.isNaN(date.getTime())) return escapeHtml(moment);
  return `<time datetime="${escapeHtml(date.toISOString())}">${escapeHtml(copenhagenDate.format(date))}</time>`;
}

/**
 * The address of a meeting's page in the portal (HTML-escaped, for an attribute): the
 * document its state gives, or one kind's latest version, or one version.
 */
export function meetingPageHref(
  meetingId: number,
  version?: { kind: DocumentKind; number?: number },
): string {
  const page = `/arkiv/moeder/${meetingId}`;
  if (!version) return page;
  const number = version.number === undefined ? '' : `&amp;version=${version.number}`;
  return `${page}?dokument=${documentSlugs[version.kind]}${number}`;
}

/** The `dokument` query parameter's values, by kind. */
export const documentSlugs: Record<DocumentKind, string> = {
  agenda: 'dagsorden',
  minutes: 'referat',
};

/** The PDF of one published version (the API renders it as the reader may see it). */
export function versionPdfHref(
  meetingId: number,
  version: Pick<PublishedVersionReference, 'kind' | 'number'>,
): string {
  return `/api/meetings/${meetingId}/publications/${version.kind}/${version.number}/document.pdf`;
}

/**
 * The document with the Bilag the reader may download appended, as one PDF: the document the
 * meeting's state gives, or the kind named (the agenda of a meeting whose minutes are out).
 */
export function combinedPdfHref(meetingId: number, kind?: DocumentKind): string {
  return `/api/meetings/${meetingId}/combined.pdf${kind ? `?kind=${kind}` : ''}`;
}

/** The address of a case's page. */
export function casePageHref(caseNumber: string): string {
  return `/arkiv/sager/${encodeURIComponent(caseNumber)}`;
}

/** " · Sagen i sagssystemet": the case in the municipality's own system, with REFERAT_CASE_URL. */
export function caseSystemLink(
  caseNumber: string,
  caseUrl?: (caseNumber: string) => string,
): string {
  if (!caseUrl) return '';
  return ` · <a href="${escapeHtml(caseUrl(caseNumber))}" rel="external">Sagen i sagssystemet<span class="visually-hidden">, journalnummer ${escapeHtml(caseNumber)}</span></a>`;
}

const portalStyle = `
.breadcrumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;padding:0;margin:0 0 1.25rem;font-size:.95rem}
.breadcrumbs li+li{margin-top:0}
.breadcrumbs li+li::before{content:"›";content:"›"/"";margin-right:.35rem;color:#4a4a4a}
.status-cancelled{background:#fbeaea;color:#6e1b1b}
.lead{font-size:1.1rem}
.card-list{list-style:none;padding:0}
.card-list>li{border:1px solid #8c8c8c;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1rem}
.card-list h3{margin-top:0}
.card-list p:last-child{margin-bottom:0}
.document-links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.35rem 0 0}
.document-links li+li{margin-top:0}
.year-nav ul{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;padding:0}
.year-nav li+li{margin-top:0}
.year-nav a{display:inline-block;padding:.25rem .75rem;border:1px solid #0b4a82;border-radius:4px}
.year-nav a[aria-current=page]{background:#0b4a82;color:#fff;text-decoration:none}
.about-document{background:#f3f4f6;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.5rem}
.about-document p{margin:0 0 .5rem}
.versions li{margin-bottom:.5rem}
.timeline{list-style:none;padding:0;border-left:3px solid #8c8c8c}
.timeline>li{padding:0 0 1rem 1rem;margin:0}
.timeline h3{margin:.25rem 0}
#versioner{border-top:2px solid #1a1a1a;margin-top:2.5rem}
`;
