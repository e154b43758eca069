import type { AnonymousActor } from '../../../core/actor.ts';
import { attachmentHitLabel } from '../../../core/attachment-hit-label.ts';
import { formatDanishDate } from '../../../core/danish-date.ts';
import { escapeHtml } from '../../../render/html-blocks.ts';
import { SearchQueryError } from '../../../search/search-provider.ts';
import type { Archive } from '../../../services/archive.ts';
import { searchArchive } from '../../../services/search-service.ts';
import { casePageHref, portalPage } from './portal-layout.ts';

/** The search form: a plain GET form, so it works without script. */
export function searchForm(value: string): string {
  return `<form class="search-form" action="/arkiv/soeg" method="get" role="search"><label for="q" class="visually-hidden">Søg</label><input id="q" name="q" type="search" value="${escapeHtml(value)}" placeholder="Hvad besluttede vi om …?"><button type="submit">Søg</button></form>`;
}

/**
 * /arkiv/soeg: the hits of a search as the public may see them, each linked to its item on
 * the meeting's page and by its journal number to the case's page.
 */
export async function renderSearchPage(
  archive: Archive,
  reader: AnonymousActor,
  query: string,
): Promise<string> {
  const text = query.trim();
  const results = text === '' ? '' : await searchResults(archive, reader, text);
  return portalPage('Søg', `<h1>Søg i arkivet</h1>${searchForm(text)}${results}`, [
    { label: 'Søg' },
  ]);
}

async function searchResults(
  archive: Archive,
  reader: AnonymousActor,
  text: string,
): Promise<string> {
  try {
    const hits = await searchArchive(archive, reader, { text, limit: 30 });
    if (hits.length === 0) return '<p>Ingen resultater.</p>';
    const entries = hits.map((hit) => {
      const where = `${escapeHtml(hit.meeting.forum)} ${escapeHtml(formatDanishDate(hit.meeting.date))}, punkt ${hit.item.number}: ${escapeHtml(hit.item.title)}`;
      const caseLink = hit.item.caseNumber
        ? ` <a class="status" href="${escapeHtml(casePageHref(hit.item.caseNumber))}"><span class="visually-hidden">Sagens forløb, journalnummer </span>${escapeHtml(hit.item.caseNumber)}</a>`
        : '';
      const source = hit.attachment
        ? `<a href="/api/attachments/${hit.attachment.id}">${escapeHtml(attachmentHitLabel(hit.attachment))}</a>: `
        : '';
      return `<li><a href="/arkiv/moeder/${hit.meeting.id}#punkt-${hit.item.number}">${where}</a>${caseLink}<p>${source}${highlight(hit.snippet)}</p></li>`;
    });
    return `<h2 class="visually-hidden">Resultater</h2><ol class="meeting-list">${entries.join('')}</ol>`;
  } catch (error) {
    if (!(error instanceof SearchQueryError)) throw error;
    return `<p role="alert">${escapeHtml(error.message)}</p>`;
  }
}

/** Snippets mark hits with [[ ]]; the text is escaped first, then the marks become <mark>. */
function highlight(snippet: string): string {
  return escapeHtml(snippet).replaceAll('[[', '<mark>').replaceAll(']]', '</mark>');
}
