import { beforeAll, describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import type { Meeting } from '../core/meeting.ts';
import { htmlRenderer } from './html-renderer.ts';
import { buildRenderDocument, type RenderOptions } from './render-model.ts';

async function renderPage(meeting: Meeting, options: RenderOptions = {}): Promise<string> {
  const bytes = await htmlRenderer.render(buildRenderDocument(meeting, options));
  return new TextDecoder().decode(bytes);
}

/** Every tag in the page, as written. Text never holds a raw "<", so this finds them all. */
function findTags(html: string): string[] {
  return html.match(/<[^>]*>/gu) ?? [];
}

const allowedTags = new Set(
  'html head meta title style body a header h1 h2 h3 h4 h5 h6 dl div dt dd nav ol ul li main article section p br strong em code pre blockquote hr table thead tbody tr th td'.split(
    ' ',
  ),
);
const voidTags = new Set(['meta', 'br', 'hr']);

/** Checks that every element is known and closed in order; returns the problems found. */
function findTagProblems(html: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  for (const tag of findTags(html.replace(/<style>[\s\S]*?<\/style>/u, '<style></style>'))) {
    if (/^<!doctype html>$/iu.test(tag)) continue;
    const match = /^<(\/?)([a-z][a-z0-9]*)\b/u.exec(tag);
    const name = match?.[2] ?? '';
    if (!match || !allowedTags.has(name)) {
      problems.push(`unexpected tag ${tag}`);
      continue;
    }
    if (voidTags.has(name)) continue;
    if (match[1] !== '/') open.push(name);
    else if (open.pop() !== name) problems.push(`misnested </${name}>`);
  }
  if (open.length > 0) problems.push(`unclosed ${open.join(', ')}`);
  return problems;
}

function listHeadingLevels(html: string): number[] {
  return [...html.matchAll(/<h([1-6])\b/gu)].map((match) => Number(match[1]));
}

describe('htmlRenderer', () => {
  it('describes the format', () => {
    expect(htmlRenderer).toMatchObject({
      format: 'html',
      contentType: 'text/html; charset=utf-8',
      extension: 'html',
    });
  });

  for (const name of realMeetingNames) {
    describe(name, () => {
      const meeting = readRealMeeting(name);
      let html = '';
      let main = '';
      beforeAll(async () => {
        html = await renderPage(meeting);
        main = html.slice(html.indexOf('<main'));
      });

      it('is one self-contained page in Danish, without script or external resources', () => {
        expect(
          html.startsWith('<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">'),
        ).toBe(true);
        expect(html).toContain(
          '<meta name="viewport" content="width=device-width, initial-scale=1">',
        );
        expect(html).toContain(`<title>REFERAT Chefforum d. `);
        expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\sstyle=|@import|url\(/iu);
        expect(findTagProblems(html)).toEqual([]);
      });

      it('has landmarks, a skip link and one h1', () => {
        expect(html).toContain('<a class="spring" href="#indhold">Spring til indhold</a>');
        expect(html).toContain('<main id="indhold">');
        expect(html).toMatch(/<header>\n<h1>/u);
        expect(html).toContain('<nav aria-labelledby="indholdsfortegnelse">');
        expect(html.match(/<h1\b/gu)).toHaveLength(1);
      });

      it('has an article with an h2 for every item, each linked from the contents', () => {
        expect(main.match(/<h2\b/gu)).toHaveLength(meeting.items.length);
        const links = [...html.matchAll(/<li><a href="#([^"]+)">/gu)].map((match) => match[1]);
        const articles = [...main.matchAll(/<article id="([^"]+)"/gu)].map((match) => match[1]);
        expect(links).toEqual(meeting.items.map((entry) => `punkt-${entry.number}`));
        expect(articles).toEqual(links);
        expect(main).toContain(`<h2 id="punkt-1-titel">Punkt 1: CF - `);
      });

      it('keeps the outline in order: h1, h2, h3, then h4 and below without skipping', () => {
        const levels = listHeadingLevels(html);
        expect(levels[0]).toBe(1);
        levels.forEach((level, index) => {
          expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1);
        });
        expect(main).toContain('<h3>Beslutning</h3>');
      });

      it('shows every journal number', () => {
        for (const entry of meeting.items.filter((candidate) => candidate.caseNumber)) {
          expect(main).toContain(`<p class="journalnummer">${entry.caseNumber}</p>`);
        }
      });
    });
  }

  it('writes tables with column headers (2017)', async () => {
    const html = await renderPage(readRealMeeting('chefforum-2017-06-14'));
    expect(html).toContain(
      '<thead>\n<tr><th scope="col">(mio kr.)</th><th scope="col" colspan="2">2017</th>',
    );
    expect(html).toContain('<th scope="col">Dato</th><th scope="col">Indhold</th>');
    expect(html).toContain('<td><strong>Bestilling i budgetaftale 2017</strong></td>');
    expect(html).toContain('<h4>Projektorganiseringen</h4>');
  });

  it('escapes hostile text everywhere and still shows it', async () => {
    const script = '<script>alert(1)</script>';
    const image = '<img src=x onerror=alert(1)>';
    const link = '[x](javascript:alert(1))';
    const breakout = '"><svg onload=alert(1)>';
    const hostile = `${script} ${image} ${link} ${breakout}`;
    const meeting = makeMeeting(
      [
        makeItem(1, {
          title: hostile,
          caseNumber: breakout,
          durationMinutes: 30,
          background: `${script}\n\n${image}\n\n${link}\n\n${breakout}`,
          presentation: `# ${script}\n\n- ${image}\n- ${link}\n\n| ${breakout} | b |\n| --- | --- |\n| ${script} | ${link} |\n\n\`${script}\``,
          recommendation: { proposer: breakout, points: [script, link] },
          decision: `<b>${image}</b> <a href="javascript:alert(1)">klik</a> ${breakout}`,
          attachments: [{ title: script }, { title: link }, { title: breakout }],
          absent: [{ name: image, role: breakout }, { name: script }],
        }),
        makeItem(2, { title: `${breakout}\tfane`, closed: true }),
      ],
      { forum: `Chefforum ${script}`, location: breakout },
    );
    const html = await renderPage(meeting);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img|<svg/iu);
    for (const tag of findTags(html)) {
      expect(tag).not.toMatch(/javascript:/iu);
      expect(tag).not.toMatch(/\son\w+\s*=/iu);
    }
    expect(findTagProblems(html)).toEqual([]);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(1)&gt;');
    expect(html).toContain(
      `<title>REFERAT Chefforum &lt;script&gt;alert(1)&lt;/script&gt; d. 14-06-2017</title>`,
    );
    expect(html).toContain('<dd>&quot;&gt;&lt;svg onload=alert(1)&gt;</dd>');
    // The unsafe link keeps its text but loses its target.
    expect(html).toContain('<p>x</p>');
  });

  it('shows the empty note for a meeting without items', async () => {
    const html = await renderPage(makeMeeting([]));
    expect(html).toContain(
      '<main id="indhold">\n<p class="tom">Mødet har ingen punkter.</p>\n</main>',
    );
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('<article');
    expect(findTagProblems(html)).toEqual([]);
  });

  it('leaves decisions out of an agenda', async () => {
    const html = await renderPage(readRealMeeting('chefforum-2017-06-14'), { kind: 'agenda' });
    expect(html).toContain('<h1>DAGSORDEN Chefforum d. 14-06-2017</h1>');
    expect(html).not.toContain('<h3>Beslutning</h3>');
    expect(html).toContain('<h3>Indstilling</h3>');
  });

  it('keeps a 2,000-character title whole', async () => {
    const title = `${'Meget lang titel '.repeat(118)}slut`.slice(0, 2000);
    expect(title).toHaveLength(2000);
    const html = await renderPage(makeMeeting([makeItem(1, { title, decision: 'Godkendt.' })]));
    expect(html).toContain(`<h2 id="punkt-1-titel">Punkt 1: CF - ${title.trim()}</h2>`);
    expect(html).toContain(`<a href="#punkt-1">CF - ${title.trim()}</a>`);
    expect(findTagProblems(html)).toEqual([]);
  });

  it('writes notes, lists with start, nested lists, code, quotes, rules and links', async () => {
    const presentation = [
      '3. tre',
      '4. fire',
      '   - under',
      '',
      '```',
      'kode <her>',
      '```',
      '',
      '> citat',
      '',
      '---',
      '',
      'Se [siden](https://example.dk/a?b=1&c=2) og *kursiv*, **fed** og `kode`.  ',
      'Ny linje.',
      '',
      '###### Dyb overskrift',
    ].join('\n');
    const html = await renderPage(
      makeMeeting([makeItem(1, { durationMinutes: 30, closed: true, presentation })]),
    );
    expect(html).toContain(
      '<p class="note">Varighed: 30 min</p>\n<p class="note">Lukket punkt</p>',
    );
    expect(html).toContain(
      '<ol start="3">\n<li>tre</li>\n<li>fire\n<ul>\n<li>under</li>\n</ul></li>\n</ol>',
    );
    expect(html).toContain('<pre><code>kode &lt;her&gt;</code></pre>');
    expect(html).toContain('<blockquote>\n<p>citat</p>\n</blockquote>');
    expect(html).toContain('<hr>');
    expect(html).toContain('<a href="https://example.dk/a?b=1&amp;c=2">siden</a>');
    expect(html).toContain(
      '<em>kursiv</em>, <strong>fed</strong> og <code>kode</code>.<br>Ny linje.',
    );
    // The text's only heading is its top heading: h4, right below the section's h3.
    expect(html).toContain('<h4>Dyb overskrift</h4>');
    expect(findTagProblems(html)).toEqual([]);
  });
});
