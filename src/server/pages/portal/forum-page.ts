import type { AnonymousActor } from '../../../core/actor.ts';
import { escapeHtml } from '../../../render/html-blocks.ts';
import type { Archive } from '../../../services/archive.ts';
import { getPortalForumYear, type PortalForumYear } from '../../../services/portal-service.ts';
import {
  combinedPdfHref,
  documentKindLabels,
  meetingLine,
  meetingPageHref,
  meetingTime,
  portalPage,
  statusBadge,
  versionPdfHref,
} from './portal-layout.ts';

/**
 * /arkiv/fora/:id: a public forum's meetings one year at a time (`?aar=2018`), newest year
 * first in the year navigation, each meeting with its date, state and documents.
 */
export async function renderForumPage(
  archive: Archive,
  reader: AnonymousActor,
  forumId: number,
  year: number | undefined,
): Promise<string> {
  const page = await getPortalForumYear(archive, reader, forumId, { year });
  const { forum } = page;
  const next = forum.nextMeeting
    ? `<p>Næste møde: ${meetingLine(forum.nextMeeting)}</p>`
    : '<p>Intet kommende møde er offentliggjort.</p>';
  const body = `<h1>${escapeHtml(forum.name)}</h1>
${next}
${yearNavigation(page)}
${yearSection(page)}`;
  return portalPage(page.year ? `${forum.name} ${page.year}` : forum.name, body, [
    { label: forum.name },
  ]);
}

function yearNavigation(page: PortalForumYear): string {
  if (page.years.length === 0) return '';
  const links = page.years.map(({ year, meetingCount }) => {
    const current = year === page.year ? ' aria-current="page"' : '';
    const count = `${meetingCount} ${meetingCount === 1 ? 'møde' : 'møder'}`;
    return `<li><a href="/arkiv/fora/${page.forum.id}?aar=${year}"${current}>${year}<span class="visually-hidden">, ${count}</span></a></li>`;
  });
  return `<nav class="year-nav" aria-labelledby="aar-titel"><h2 id="aar-titel">År</h2><ul>${links.join('')}</ul></nav>`;
}

function yearSection(page: PortalForumYear): string {
  if (page.year === null) return '<p>Forummet har ingen offentliggjorte møder endnu.</p>';
  const heading = `<h2 id="moeder-titel">Møder i ${page.year}</h2>`;
  if (page.meetings.length === 0)
    return `${heading}<p>Forummet har ingen møder i ${page.year}.</p>`;
  const rows = page.meetings.map((meeting) => {
    const facts = [
      meeting.location ? escapeHtml(meeting.location) : '',
      statusBadge(meeting.status),
    ];
    const published = meeting.published;
    const documents = published
      ? `<ul class="document-links"><li><a href="${versionPdfHref(meeting.id, published)}">${documentKindLabels[published.kind]} som PDF</a></li><li><a href="${combinedPdfHref(meeting.id)}">Samlet PDF med bilag</a></li></ul>`
      : '';
    // The heading links the meeting's page; the list item's heading gives the PDFs' context.
    return `<li><h3><a href="${meetingPageHref(meeting.id)}">${meetingTime(meeting.date, meeting.start)}</a></h3><p>${facts.join(' ').trim()}</p>${documents}</li>`;
  });
  return `<section aria-labelledby="moeder-titel">${heading}<ul class="card-list">${rows.join('')}</ul></section>`;
}
