import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeetingAnnotations } from '../src/core/item-annotations.ts';
import type { Meeting } from '../src/core/meeting.ts';
import { readDocx } from '../src/parse/docx-reader.ts';
import { parseDocumentBytes } from '../src/parse/parse-document.ts';
import { renderMeeting } from '../src/render/render-meeting.ts';
import type { RenderFormat } from '../src/render/renderer.ts';
import { readRealMeeting } from './support/meeting-fixtures.ts';
import { scoreMeeting } from './support/meeting-score.ts';

/**
 * The forum's annotations in every format: purpose and time, guests, what is carried back to
 * the departments, and corrections, on the 2018 minutes (item 6 gathers the messages).
 */
const fixture = readRealMeeting('chefforum-2018-10-11');
const meeting: Meeting = {
  ...fixture,
  // A time the title does not state, so that the note joins purpose and time.
  items: fixture.items.map((item) => (item.number === 2 ? { ...item, durationMinutes: 20 } : item)),
};
const annotations: MeetingAnnotations = {
  items: {
    2: {
      purpose: 'Beslutning',
      guests: [{ name: 'Jens Hansen', role: 'oplægsholder' }],
      communication: 'Opbremsningen fortsætter året ud.',
      corrections: [{ date: '2019-03-12', reason: 'Beløbet i beslutningen var forkert.' }],
    },
    5: { purpose: 'Afdække', communication: 'Sundhedspolitikken sendes i høring.' },
  },
  communicationItemNumber: 6,
};

const scratch = mkdtempSync(join(tmpdir(), 'referat-annotations-'));

/** A document's text as a reader gets it, with runs of white space made single. */
async function documentText(format: RenderFormat): Promise<string> {
  const bytes = await renderMeeting(meeting, format, { annotations });
  let text: string;
  if (format === 'pdf') {
    const path = join(scratch, 'meeting.pdf');
    writeFileSync(path, bytes);
    text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
  } else if (format === 'docx') {
    text = await readDocx(bytes);
  } else {
    text = new TextDecoder().decode(bytes).replace(/<[^>]*>/gu, ' ');
  }
  return text.replace(/\\(.)/gu, '$1').replace(/\s+/gu, ' ');
}

describe.each<RenderFormat>(['pdf', 'docx', 'html'])('annotations in %s', (format) => {
  let text = '';
  beforeAll(async () => {
    text = await documentText(format);
  });

  it('shows purpose and time as one note, and the guests', () => {
    expect(text).toContain('Beslutning · 20 min');
    expect(text).toContain('Deltagere under punktet');
    expect(text).toContain('Jens Hansen (oplægsholder)');
  });

  it('shows each message and gathers them on the communication item', () => {
    expect(text).toContain('Kommunikeres ud Opbremsningen fortsætter året ud.');
    expect(text).toContain('Til afdelingerne');
    expect(text).toMatch(
      /Punkt 2 – Orientering om økonomirapport nr\. 5 og status på budgetaftalen: Opbremsningen fortsætter året ud\./u,
    );
    expect(text).toContain(
      'Punkt 5 – Udarbejdelse af ny sundhedspolitik: Sundhedspolitikken sendes i høring.',
    );
  });

  it('notes the correction on the item and lists it after Mødedato and Mødested', () => {
    expect(text).toContain('Rettet d. 12. marts 2019: Beløbet i beslutningen var forkert.');
    const header = text.slice(0, text.indexOf('Indholdsfortegnelse'));
    expect(header).toMatch(
      /Mødested.*Rettelser Punkt 2, rettet d\. 12\. marts 2019: Beløbet i beslutningen var forkert\./u,
    );
  });
});

describe('annotations in Markdown', () => {
  let markdown = '';
  beforeAll(async () => {
    markdown = new TextDecoder().decode(await renderMeeting(meeting, 'md', { annotations }));
  });

  it('lists them after the contents, outside the items the parser reads', () => {
    const notes = markdown.slice(
      markdown.indexOf('## Noter til punkterne'),
      markdown.indexOf('## Punkt 1:'),
    );
    expect(notes).toContain(
      '- CF - Orientering om økonomirapport nr. 5 og status på budgetaftalen (punkt 2)',
    );
    expect(notes).toContain('Beslutning · 20 min');
    expect(notes).toContain('Jens Hansen (oplægsholder)');
    expect(notes).toContain('Rettet d. 12. marts 2019: Beløbet i beslutningen var forkert.');
    expect(notes).toContain('Til afdelingerne:');
    expect(notes).toContain(
      'Punkt 5 – Udarbejdelse af ny sundhedspolitik: Sundhedspolitikken sendes i høring.',
    );
    expect(markdown).toMatch(/\*\*Mødested\*\* .*\n\n\*\*Rettelser\*\* Punkt 2, rettet d\. 12/u);
    // Inside the item only what the parser reads back: the duration with its label.
    const item2 = markdown.slice(markdown.indexOf('## Punkt 2:'), markdown.indexOf('## Punkt 3:'));
    expect(item2).toContain('Varighed: 20 min');
    expect(item2).not.toMatch(/Beslutning ·|Jens Hansen|Kommunikeres ud|Rettet d\./u);
  });

  it('is read back by the parser to the same meeting as without them', async () => {
    const { meeting: parsed } = await parseDocumentBytes(
      new TextEncoder().encode(markdown),
      'meeting.md',
    );
    const score = scoreMeeting(meeting, parsed);
    expect(score.misses).toEqual([]);
    expect(parsed).toEqual(
      (await parseDocumentBytes(await renderMeeting(meeting, 'md'), 'meeting.md')).meeting,
    );
  });
});

describe('hostile annotations', () => {
  const hostile: MeetingAnnotations = {
    items: {
      1: {
        purpose: '# Beslutning',
        guests: [{ name: '<script>alert(1)</script>', role: '#set page(fill: red)' }],
        communication: '## Punkt 9: Falsk punkt\n\n**Punkt 1:** igen\n\n- liste',
        corrections: [{ date: '2019-03-12', reason: 'Punkt 7: ikke et punkt' }],
      },
    },
    communicationItemNumber: 6,
  };

  it('stay text in every format, and the Markdown still reads back to the same meeting', async () => {
    const html = new TextDecoder().decode(
      await renderMeeting(meeting, 'html', { annotations: hostile }),
    );
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; (#set page(fill: red))');
    const pdf = await renderMeeting(meeting, 'pdf', { annotations: hostile });
    const path = join(scratch, 'hostile.pdf');
    writeFileSync(path, pdf);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(
      '#set page(fill: red)',
    );
    const markdown = await renderMeeting(meeting, 'md', { annotations: hostile });
    const { meeting: parsed } = await parseDocumentBytes(markdown, 'meeting.md');
    expect(parsed.items.map((item) => item.number)).toEqual(meeting.items.map((i) => i.number));
    expect(scoreMeeting(meeting, parsed).misses).toEqual([]);
  });
});
