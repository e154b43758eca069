import { escapeHtml } from '../../render/html-blocks.ts';
import { htmlStyleSheet } from '../../render/html-style.ts';

/** The site's navigation, shared by every page. */
export const siteNavigation = `<nav class="site-nav" aria-label="Referat"><a href="/">Referat</a><a href="/arkiv">Arkiv</a><a href="/arkiv/soeg">Søg i arkivet</a><a href="/api/docs">API</a></nav>`;

/** The style of the server-rendered pages, after the documents' own style sheet. */
export const pageStyle = `
.site-nav{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;border-bottom:1px solid #bbb;padding-bottom:.75rem;margin-bottom:1.5rem}
.site-nav a{font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.search-form{display:flex;gap:.5rem;flex-wrap:wrap;margin:1rem 0}
.search-form input[type=search]{flex:1 1 16rem;padding:.5rem;font:inherit;border:1px solid #555;border-radius:4px}
.search-form button{padding:.5rem 1rem;font:inherit;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;border-radius:4px;cursor:pointer}
.meeting-list{list-style:none;padding:0}
.meeting-list li{padding:.6rem 0;border-bottom:1px solid #ddd}
.status{display:inline-block;font-size:.85rem;padding:.05rem .5rem;border-radius:999px;background:#eef3f8;color:#1a3550;margin-left:.5rem}
mark{background:#ffe58a;color:inherit;padding:0 .1em}
`;

/** What a page may add to the frame: a breadcrumb trail above the content, more style. */
export interface PageOptions {
  /** The trail from /arkiv to this page, already HTML (see portal-layout's breadcrumbs). */
  breadcrumbs?: string;
  extraStyle?: string;
}

/**
 * The frame of the server-rendered pages: Danish, accessible, no script. They give every
 * reader the archive even without JavaScript; the interactive app builds on the same API.
 */
export function renderPage(title: string, body: string, options: PageOptions = {}): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Referat</title>
<style>${htmlStyleSheet}${pageStyle}${options.extraStyle ?? ''}
</style>
</head>
<body>
<a class="spring" href="#indhold">Spring til indhold</a>
${siteNavigation}
${options.breadcrumbs ?? ''}
<main id="indhold">
${body}
</main>
</body>
</html>`;
}
