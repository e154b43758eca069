import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { escapeHtml } from '../../render/html-blocks.ts';
import { textAnswer } from '../response-contract.ts';
import { renderPage } from './page-layout.ts';

/** The parts of an OpenAPI document this page shows. */
interface OpenApiDocument {
  info?: { title?: string; version?: string };
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

interface OpenApiOperation {
  summary?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const openApiAnswer = z.looseObject({ openapi: z.string() }).describe('OpenAPI 3-dokumentet');
const htmlAnswer = textAnswer('API-referencen som HTML-side');

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * `/api/docs`: the API's reference made from its OpenAPI document, as a plain accessible page
 * (Swagger UI's page fails axe: nested controls, low contrast, unlabelled fields). The
 * machine-readable document stays at `/api/docs/json`.
 */
export function registerApiDocsPage(app: FastifyInstance): void {
  app.get('/api/docs/json', { schema: { hide: true, response: { 200: openApiAnswer } } }, () =>
    app.swagger(),
  );
  app.get(
    '/api/docs',
    { schema: { hide: true, response: { 200: htmlAnswer } } },
    (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(renderApiDocs(app.swagger() as unknown as OpenApiDocument)),
  );
}

/** The reference page for an OpenAPI document. */
export function renderApiDocs(document: OpenApiDocument): string {
  const rows = Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    methods
      .filter((method) => operations[method])
      .map((method) => operationRow(method, path, operations[method] as OpenApiOperation)),
  );
  const body = `<h1>Referats API</h1>
<p>JSON over HTTP; fejl svarer med <code>{ "error": "…" }</code> på dansk. Hele beskrivelsen som OpenAPI: <a href="/api/docs/json">/api/docs/json</a>. Version ${escapeHtml(document.info?.version ?? '')}.</p>
<table>
<caption>Endepunkter</caption>
<thead><tr><th scope="col">Metode</th><th scope="col">Adresse</th><th scope="col">Hvad</th><th scope="col">Parametre</th><th scope="col">Svar</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return renderPage('API', body, {
    extraStyle:
      'body{max-width:78rem}table{width:100%;font-size:.95rem}td:nth-child(-n+2) code{white-space:nowrap}caption{text-align:left;font-weight:600}',
  });
}

function operationRow(method: string, path: string, operation: OpenApiOperation): string {
  const parameters = (operation.parameters ?? []).map(
    (parameter) =>
      `${escapeHtml(parameter.name)} (${parameter.in === 'path' ? 'i adressen' : 'forespørgsel'}${parameter.required ? ', krævet' : ''})`,
  );
  if (operation.requestBody) parameters.push('JSON i kroppen');
  const responses = Object.keys(operation.responses ?? {}).join(', ');
  return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(operation.summary ?? '')}</td><td>${parameters.join('<br>') || '–'}</td><td>${escapeHtml(responses) || '200'}</td></tr>`;
}
