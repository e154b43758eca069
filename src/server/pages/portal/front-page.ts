import type { AnonymousActor } from '../../../core/actor.ts';
import { escapeHtml } from '../../../render/html-blocks.ts';
import type { Archive } from '../../../services/archive.ts';
import { listPortalForums, type PortalForum } from '../../../services/portal-service.ts';
import { meetingLine, portalPage } from './portal-layout.ts';
import { searchForm } from './search-page.ts';

/** /arkiv: the public forums, each with its next and latest meeting, and the search form. */
export async function renderFrontPage(archive: Archive, reader: AnonymousActor): Promise<string> {
  const forums = await listPortalForums(archive, reader);
  const list =
    forums.length === 0
      ? '<p>Der er ingen offentlige fora endnu.</p>'
      : `<ul class="card-list">${forums.map(forumCard).join('')}</ul>`;
  const body = `<h1>Dagsordener og referater</h1>
<p class="lead">Her kan alle læse dagsordener og referater fra kommunens offentlige fora, uden at logge ind. Lukkede punkter vises kun med nummer.</p>
${searchForm('')}
<h2>Fora</h2>
${list}`;
  return portalPage('Arkiv', body);
}

function forumCard(forum: PortalForum): string {
  const heading = `<h3><a href="/arkiv/fora/${forum.id}">${escapeHtml(forum.name)}</a></h3>`;
  const next = forum.nextMeeting
    ? `<p>Næste møde: ${meetingLine(forum.nextMeeting)}</p>`
    : '<p>Intet kommende møde er offentliggjort.</p>';
  const latest = forum.latestMeeting
    ? `<p>Seneste møde: ${meetingLine(forum.latestMeeting)}</p>`
    : '';
  return `<li>${heading}${next}${latest}<p><a href="/arkiv/fora/${forum.id}">Alle møder i ${escapeHtml(forum.name)}</a></p></li>`;
}
