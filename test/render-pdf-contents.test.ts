import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Meeting } from '../src/core/meeting.ts';
import { renderMeeting } from '../src/render/render-meeting.ts';
import {
  readGeneratedMeetings,
  readRealMeeting,
  realMeetingNames,
} from './support/meeting-fixtures.ts';

const scratch = mkdtempSync(join(tmpdir(), 'referat-toc-'));

/** The PDF's pages as text, read back by poppler's pdftotext (installed by .ci/run). */
function pdfPages(pdf: Uint8Array): string[] {
  const path = join(scratch, 'meeting.pdf');
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).split('\f');
}

/** For each item number, the page number the table of contents gives. */
function contentsPages(pages: readonly string[]): Map<number, number> {
  const contents = pages.slice(
    0,
    pages.findIndex((page) => /^\s*Punkt 1:.*[^.\d\s⁠]\s*$/mu.test(page)),
  );
  const text = contents.join('\n').replace(/\u2060/gu, '');
  const entries = new Map<number, number>();
  for (const match of text.matchAll(
    /Punkt (\d+):(?:(?!Punkt \d+:)[\s\S])*?(?:\.\s*)+(\d+)\s*$/gmu,
  )) {
    entries.set(Number(match[1]), Number(match[2]));
  }
  return entries;
}

/** For each item number, the page where its heading "Punkt N:" starts. */
function headingPages(pages: readonly string[], firstItemPage: number): Map<number, number> {
  const found = new Map<number, number>();
  pages.forEach((page, index) => {
    if (index < firstItemPage) return;
    for (const match of page.matchAll(/^\s*Punkt (\d+):/gmu)) {
      if (!found.has(Number(match[1]))) found.set(Number(match[1]), index + 1);
    }
  });
  return found;
}

const meetings: Array<[string, Meeting]> = [
  ...realMeetingNames.map((name): [string, Meeting] => [name, readRealMeeting(name)]),
  ...readGeneratedMeetings()
    .slice(0, 4)
    .map((meeting): [string, Meeting] => [`generated ${meeting.date}`, meeting]),
];

describe('the PDF table of contents', () => {
  it.each(meetings)('names the page where each item of %s starts', async (_name, meeting) => {
    const pages = pdfPages(await renderMeeting(meeting, 'pdf'));
    const contents = contentsPages(pages);
    expect([...contents.keys()]).toEqual(meeting.items.map((item) => item.number));
    const firstItemPage = (contents.get(meeting.items[0]?.number ?? 1) ?? 1) - 1;
    const headings = headingPages(pages, firstItemPage);
    for (const item of meeting.items) {
      expect(headings.get(item.number), `Punkt ${item.number}`).toBe(contents.get(item.number));
    }
  });

  it('puts "Side N af M" on every page', async () => {
    const pages = pdfPages(
      await renderMeeting(readRealMeeting('chefforum-2017-06-14'), 'pdf'),
    ).filter((page) => page.trim() !== '');
    pages.forEach((page, index) => {
      expect(page).toContain(`Side ${index + 1} af ${pages.length}`);
    });
  });

  it('lists each item’s Bilag under the item, in order', async () => {
    const meeting = readRealMeeting('chefforum-2018-10-11');
    const pages = pdfPages(await renderMeeting(meeting, 'pdf'));
    const contents = contentsPages(pages);
    const withBilag = meeting.items.filter((item) => item.attachments.length > 0);
    expect(withBilag.length).toBeGreaterThan(0);
    for (const item of withBilag) {
      // The item's own text: from the page its heading is on to the next item's heading.
      const first = (contents.get(item.number) ?? 0) - 1;
      const last = contents.get(item.number + 1) ?? pages.length;
      const text = pages
        .slice(first, last)
        .join('\n')
        .replace(/[ \t]+/gu, ' ');
      const next = text.search(new RegExp(`^ ?Punkt ${item.number + 1}:`, 'mu'));
      const own = text.slice(0, next < 0 ? undefined : next);
      expect(own).toMatch(new RegExp(`^ ?Punkt ${item.number}:`, 'mu'));
      const heading = own.search(/^ ?Bilag$/mu);
      expect(heading, `Punkt ${item.number} has a Bilag heading`).toBeGreaterThan(0);
      let position = heading;
      for (const attachment of item.attachments) {
        const found = own.indexOf(attachment.title, position);
        expect(found, attachment.title).toBeGreaterThan(position);
        position = found;
      }
    }
  });
});
