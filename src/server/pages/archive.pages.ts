import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatDanishDate } from '../../core/danish-date.ts';
import {
  documentKindFor,
  type MeetingStatus,
  meetingStatusLabels,
} from '../../core/meeting-lifecycle.ts';
import { escapeHtml } from '../../render/html-blocks.ts';
import { renderHtml } from '../../render/html-renderer.ts';
import { buildRenderDocument } from '../../render/render-model.ts';
import { SearchQueryError } from '../../search/search-provider.ts';
import type { Archive } from '../../services/archive.ts';
import { getMeetingView, listMeetings } from '../../services/meeting-service.ts';
import { searchArchive } from '../../services/search-service.ts';
import { ServiceError } from '../../services/service-error.ts';
import { actorOf } from '../request-actor.ts';
import { renderPage, siteNavigation } from './page-layout.ts';

/** The server-rendered archive: meetings, one meeting's document, and search. No script. */
export function registerArchivePages(app: FastifyInstance, archive: Archive): void {
  const pages = app.withTypeProvider<ZodTypeProvider>();
  pages.get('/arkiv', async (request, reply) => {
    const meetings = await listMeetings(archive, actorOf(request), { limit: 500 });
    const today = new Date().toISOString().slice(0, 10);
    const list = (title: string, rows: typeof meetings) =>
      `<h2>${title}</h2>${
        rows.length === 0
          ? '<p>Ingen møder.</p>'
          : `<ul class="meeting-list">${rows
              .map(
                (meeting) =>
                  `<li><a href="/arkiv/moeder/${meeting.id}">${escapeHtml(meeting.forum)} ${escapeHtml(formatDanishDate(meeting.date))}</a>` +
                  `<span class="status">${escapeHtml(meetingStatusLabels[meeting.status as MeetingStatus] ?? meeting.status)}</span>` +
                  ` – ${meeting.itemCount} punkter</li>`,
              )
              .join('')}</ul>`
      }`;
    const upcoming = meetings.filter((meeting) => meeting.date >= today).reverse();
    const past = meetings.filter((meeting) => meeting.date < today);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        renderPage(
          'Møder',
          `<h1>Møder</h1>${searchForm('')}${list('Kommende møder', upcoming)}${list('Tidligere møder', past)}`,
        ),
      );
  });

  pages.get(
    '/arkiv/moeder/:id',
    { schema: { params: z.object({ id: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      const meeting = await getMeetingView(archive, actorOf(request), request.params.id).catch(
        (error: unknown) => {
          if (error instanceof ServiceError && error.status === 404) return null;
          throw error;
        },
      );
      if (!meeting)
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(renderPage('Findes ikke', '<h1>Mødet findes ikke</h1>'));
      const kind = documentKindFor(meeting.status);
      const links = `<p><a href="/api/meetings/${meeting.id}/document.pdf">Hent som PDF</a> · <a href="/api/meetings/${meeting.id}/document.docx">Hent som Word</a></p>`;
      // The rendered document is a whole accessible page; the site navigation and the download
      // links go into it rather than wrapping it, so it keeps one header and one main.
      const page = renderHtml(buildRenderDocument(meeting, { kind }))
        .replace('</style>', `${siteNavigationStyle}</style>`)
        .replace('Spring til indhold</a>', `Spring til indhold</a>${siteNavigation}`)
        .replace('<main id="indhold">', `<main id="indhold">${links}`);
      return reply.type('text/html; charset=utf-8').send(page);
    },
  );

  pages.get(
    '/arkiv/soeg',
    { schema: { querystring: z.object({ q: z.string().max(500).default('') }) } },
    async (request, reply) => {
      const text = request.query.q.trim();
      let results = '';
      if (text !== '') {
        try {
          const hits = await searchArchive(archive, actorOf(request), { text, limit: 30 });
          results =
            hits.length === 0
              ? '<p>Ingen resultater.</p>'
              : `<ol class="meeting-list">${hits
                  .map(
                    (hit) =>
                      `<li><a href="/arkiv/moeder/${hit.meeting.id}#punkt-${hit.item.number}">${escapeHtml(hit.meeting.forum)} ${escapeHtml(formatDanishDate(hit.meeting.date))}, punkt ${hit.item.number}: ${escapeHtml(hit.item.title)}</a>` +
                      `${hit.item.caseNumber ? ` <span class="status">${escapeHtml(hit.item.caseNumber)}</span>` : ''}<p>${highlight(hit.snippet)}</p></li>`,
                  )
                  .join('')}</ol>`;
        } catch (error) {
          if (!(error instanceof SearchQueryError)) throw error;
          results = `<p role="alert">${escapeHtml(error.message)}</p>`;
        }
      }
      return reply
        .type('text/html; charset=utf-8')
        .send(renderPage('Søg', `<h1>Søg i arkivet</h1>${searchForm(text)}${results}`));
    },
  );
}

function searchForm(value: string): string {
  return `<form class="search-form" action="/arkiv/soeg" method="get" role="search"><label for="q" class="visually-hidden">Søg</label><input id="q" name="q" type="search" value="${escapeHtml(value)}" placeholder="Hvad besluttede vi om …?"><button type="submit">Søg</button></form>`;
}

/** Snippets mark hits with [[ ]]; the text is escaped first, then the marks become <mark>. */
function highlight(snippet: string): string {
  return escapeHtml(snippet).replaceAll('[[', '<mark>').replaceAll(']]', '</mark>');
}

const siteNavigationStyle =
  '.site-nav{display:flex;gap:1.5rem;flex-wrap:wrap;border-bottom:1px solid #bbb;padding-bottom:.75rem;margin-bottom:1.5rem}.site-nav a{font-weight:600}';
