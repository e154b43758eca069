import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { makeItem, makeMeeting } from '../../test/support/meeting-factory.ts';
import { readRealMeeting, realMeetingNames } from '../../test/support/meeting-fixtures.ts';
import { scoreMeeting } from '../../test/support/meeting-score.ts';
import type { Meeting } from '../core/meeting.ts';
import { parseMinutesText } from '../parse/minutes-parser.ts';
import { markdownRenderer } from './markdown-renderer.ts';
import { buildRenderDocument, type RenderOptions } from './render-model.ts';

async function renderText(meeting: Meeting, options: RenderOptions = {}): Promise<string> {
  const bytes = await markdownRenderer.render(buildRenderDocument(meeting, options));
  return new TextDecoder().decode(bytes);
}

describe('markdownRenderer', () => {
  it('describes the format', () => {
    expect(markdownRenderer).toMatchObject({
      format: 'md',
      contentType: 'text/markdown; charset=utf-8',
      extension: 'md',
    });
  });

  it('writes the house layout', async () => {
    const text = await renderText(readRealMeeting('chefforum-2017-06-14'));
    expect(text).toMatch(
      /^# REFERAT Chefforum d\. 14-06-2017\n\n\*\*Mødedato\*\* Onsdag d\. 14\. juni 2017 kl\. 13:00\n\n\*\*Mødested\*\* Mødelokale 2\n\n## Indholdsfortegnelse\n\n- CF - Godkendelse af dagsorden og referater\n- CF - Netværkstemaer juni 2017, Fælles om målet\n/u,
    );
    expect(text).toContain(
      '## Punkt 1: CF - Godkendelse af dagsorden og referater\n\n00.01.00-A00-3-17\n\n### Anledning\n\nGodkendelse af dagsorden og referater\n\n### Indstilling\n\nKommunaldirektøren indstiller,\n\n1. at chefforum godkender dagsordenen for mødet\n2. at',
    );
    expect(text).toContain('\n\n#### Projektorganiseringen\n\n');
    expect(text).toContain('(mio kr.)\t2017\t\t2018\t\t2019\t\t2020\t\t2021\n**Bestilling');
    expect(text).toContain('\n\tMin.\tMax.\tMin.');
    // A hard line break stays one.
    expect(text).toContain('drøftelse af netværksledere  \nPå chefforummet');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    // Only the items' own headings say "Punkt N:"; the contents do not.
    expect(text.match(/^.*Punkt \d+:/gmu)).toHaveLength(7);
  });

  for (const name of realMeetingNames) {
    it(`is read back by the project's parser to the same meeting (${name})`, async () => {
      const gold = readRealMeeting(name);
      const text = await renderText(gold);
      const score = scoreMeeting(gold, parseMinutesText(text).meeting);
      expect(score.misses).toEqual([]);
      expect(score.percent).toBeGreaterThanOrEqual(98);
    });

    it(`renders the parsed meeting to the same text again (${name})`, async () => {
      const text = await renderText(readRealMeeting(name));
      expect(await renderText(parseMinutesText(text).meeting)).toBe(text);
    });
  }

  it('writes a duration missing from the title as a note that is read back', async () => {
    const gold = makeMeeting([
      makeItem(1, { title: 'Budget', durationMinutes: 30, decision: 'Drøftet.' }),
      makeItem(2, { title: 'Evt. (15 min)', durationMinutes: 15, decision: 'Intet.' }),
    ]);
    const text = await renderText(gold);
    expect(text).toContain('## Punkt 1: CF - Budget\n\nVarighed: 30 min\n\n### Beslutning');
    expect(text).not.toContain('Varighed: 15 min');
    const parsed = parseMinutesText(text).meeting;
    expect(parsed.items.map((entry) => entry.durationMinutes)).toEqual([30, 15]);
    expect(parsed.items[0]?.title).toBe('Budget');
  });

  it('writes a closed item so that it is read back as closed', async () => {
    const gold = makeMeeting([
      makeItem(1, { title: 'Personalesag', closed: true, caseNumber: '81.00.00-A00-1-17' }),
      makeItem(2, { title: 'Evt.', decision: 'Intet.' }),
    ]);
    const text = await renderText(gold);
    expect(text).toContain('81.00.00-A00-1-17\n\nLukket punkt\n\n');
    const parsed = parseMinutesText(text).meeting;
    expect(parsed.items.map((entry) => entry.closed)).toEqual([true, false]);
    expect(parsed.items[0]?.caseNumber).toBe('81.00.00-A00-1-17');
  });

  it('reads back attachments, absences and a recommendation without proposer', async () => {
    const gold = makeMeeting([
      makeItem(1, {
        title: 'Status',
        recommendation: { proposer: '', points: ['at orienteringen tages til efterretning'] },
        decision: 'Taget til efterretning.',
        attachments: [{ title: '4. udkast til budget_2018.pdf' }, { title: 'Notat' }],
        absent: [{ name: 'Rikke Blom', role: 'Direktør BSV' }, { name: 'Jens Jensen' }],
      }),
    ]);
    const text = await renderText(gold);
    expect(text).toContain('Det indstilles,\n\n1. at orienteringen');
    expect(text).toContain('- 4\\. udkast til budget_2018.pdf\n- Notat');
    expect(text).toContain('### Fraværende\n\n- Rikke Blom (Direktør BSV)\n- Jens Jensen\n');
    expect(scoreMeeting(gold, parseMinutesText(text).meeting).misses).toEqual([]);
  });

  it('leaves decisions out of an agenda', async () => {
    const text = await renderText(readRealMeeting('chefforum-2018-10-11'), { kind: 'agenda' });
    expect(text.startsWith('# DAGSORDEN Chefforum d. 11-10-2018\n')).toBe(true);
    expect(text).not.toContain('### Beslutning');
    expect(parseMinutesText(text).meeting.kind).toBe('agenda');
  });

  it('shows the empty note for a meeting without items', async () => {
    const text = await renderText(makeMeeting([]));
    expect(text).toBe(
      '# REFERAT Chefforum d. 14-06-2017\n\n**Mødedato** Onsdag d. 14. juni 2017 kl. 13:00\n\n**Mødested** Mødelokale 2\n\nMødet har ingen punkter.\n',
    );
  });

  it('keeps hostile text as text when the Markdown is shown as HTML', async () => {
    const hostile =
      '<script>alert(1)</script> <img src=x onerror=alert(1)> "><svg onload=alert(1)>';
    const text = await renderText(
      makeMeeting([
        makeItem(1, {
          title: hostile,
          background: `${hostile}\n\n[x](javascript:alert(1))`,
          attachments: [{ title: hostile }],
          absent: [{ name: hostile }],
        }),
      ]),
    );
    const html = await marked.parse(text, { gfm: true });
    expect(html).not.toMatch(/<script|<img|<svg|javascript:/iu);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
