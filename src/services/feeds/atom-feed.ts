import { Feed } from 'feed';
import { escapeHtml } from '../../render/html-blocks.ts';

/** One entry of an Atom feed, in plain text: the builder escapes it. */
export interface AtomEntry {
  /** A permanent address that names the entry (its PDF's). */
  id: string;
  title: string;
  /** The page the entry is about (the meeting in the app). */
  link: string;
  /** The published PDF, linked as an enclosure. */
  pdf: { url: string; title: string };
  /** Paragraphs, then a list, both plain text. */
  paragraphs: string[];
  listItems: string[];
  author: string;
  published: Date;
}

/** An Atom feed (RFC 4287) in Danish, its entries newest first. */
export function buildAtomFeed(feed: {
  id: string;
  title: string;
  subtitle: string;
  /** The site the feed is of. */
  link: string;
  /** The feed's own address (rel="self"). */
  self: string;
  /** When the feed last changed: its newest entry's time, when it has one. */
  updated: Date;
  entries: AtomEntry[];
}): string {
  const atom = new Feed({
    id: feed.id,
    title: xmlText(feed.title),
    description: xmlText(feed.subtitle),
    link: feed.link,
    feed: feed.self,
    updated: feed.updated,
    language: 'da',
    generator: 'Referat',
  });
  for (const entry of feed.entries)
    atom.addItem({
      id: entry.id,
      // Atom's title is HTML here (type="html"), so the text is escaped for HTML first.
      title: htmlText(entry.title),
      link: entry.link,
      date: entry.published,
      published: entry.published,
      author: [{ name: xmlText(entry.author) }],
      content: entryContent(entry),
      enclosure: { url: entry.pdf.url, title: entry.pdf.title },
    });
  // The library names an enclosure's type after the address's extension as an image
  // ("image/pdf"); every enclosure here is a PDF. No user text can hold a raw "<link": it is
  // escaped for HTML inside the library's CDATA sections.
  return atom
    .atom1()
    .replace(/(<link rel="enclosure" [^>]*?)type="image\/pdf"/gu, '$1type="application/pdf"');
}

function entryContent(entry: AtomEntry): string {
  const paragraphs = entry.paragraphs.map((text) => `<p>${htmlText(text)}</p>`).join('');
  const list =
    entry.listItems.length === 0
      ? ''
      : `<ul>${entry.listItems.map((text) => `<li>${htmlText(text)}</li>`).join('')}</ul>`;
  const pdf = `<p><a href="${escapeHtml(entry.pdf.url)}">${htmlText(entry.pdf.title)}</a></p>`;
  return `${paragraphs}${list}${pdf}`;
}

/** Text as HTML inside the feed: escaped, and with only characters XML 1.0 allows. */
function htmlText(text: string): string {
  return escapeHtml(xmlText(text));
}

/**
 * Text with only the characters XML 1.0 allows: an imported document's form feed or a stray
 * control character would make the whole feed unreadable.
 */
function xmlText(text: string): string {
  return text
    .toWellFormed()
    .replace(/(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]/gu, '')
    .replace(/\r\n?/gu, '\n');
}
