import type { AnonymousActor } from '../../../core/actor.ts';
import { formatDanishDate } from '../../../core/danish-date.ts';
import { escapeHtml, renderBlocks } from '../../../render/html-blocks.ts';
import { markdownToBlocks } from '../../../render/markdown-blocks.ts';
import type { Archive } from '../../../services/archive.ts';
import { caseLinker } from '../../../services/case-link-settings.ts';
import { type CaseTimelineView, getCaseTimeline } from '../../../services/search-service.ts';
import { notFound } from '../../../services/service-error.ts';
import { caseSystemLink, meetingPageHref, portalPage, statusBadge } from './portal-layout.ts';

/**
 * /arkiv/sager/:caseNumber: a journal number's way through the meetings, as the public may
 * see it (getCaseTimeline leaves out what they may not: internal forums, drafts, closed
 * items), headed by the latest title they may see. 404 when nothing of it is theirs to see.
 */
export async function renderCasePage(
  archive: Archive,
  reader: AnonymousActor,
  caseNumber: string,
): Promise<string> {
  const entries = await getCaseTimeline(archive, reader, caseNumber);
  const latest = entries.at(-1);
  if (!latest) throw notFound('Sagen');
  const body = `<h1>${escapeHtml(latest.title)}</h1>
<p>Journalnummer: <span class="journalnummer">${escapeHtml(caseNumber.trim())}</span>${caseSystemLink(caseNumber.trim(), caseLinker(archive))}</p>
<section aria-labelledby="forloeb-titel"><h2 id="forloeb-titel">Sagens forløb</h2>
<ol class="timeline">${entries.map(timelineEntry).join('')}</ol>
</section>`;
  return portalPage(latest.title, body, [{ label: `Sag ${caseNumber.trim()}` }]);
}

function timelineEntry(entry: CaseTimelineView): string {
  const link = `${meetingPageHref(entry.meetingId)}#punkt-${entry.itemNumber}`;
  const heading = `<h3><a href="${link}">${escapeHtml(entry.forum)} ${escapeHtml(formatDanishDate(entry.date))}, punkt ${entry.itemNumber}: ${escapeHtml(entry.title)}</a></h3>`;
  const facts = `<p>Mødets status: ${statusBadge(entry.status)}</p>`;
  // The read model gives the decision only once the minutes are out.
  const decision = entry.decision?.trim()
    ? `<h4>Beslutning</h4>${renderBlocks(markdownToBlocks(entry.decision))}`
    : '<p class="note">Ingen beslutning offentliggjort.</p>';
  return `<li>${heading}${facts}${decision}</li>`;
}
