import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingAnnotations } from '../src/core/item-annotations.ts';
import { renderMeeting } from '../src/render/render-meeting.ts';
import { launchBrowser } from './support/browser.ts';
import {
  readGeneratedMeetings,
  readRealMeeting,
  realMeetingNames,
} from './support/meeting-fixtures.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const meetings = [...realMeetingNames.map(readRealMeeting), readGeneratedMeetings()[2]];

/** The forum's annotations on the 2018 minutes: notes, guests, messages and corrections. */
const annotations: MeetingAnnotations = {
  items: {
    2: {
      purpose: 'Beslutning',
      guests: [{ name: 'Jens Hansen', role: 'oplægsholder' }],
      communication: 'Opbremsningen fortsætter.',
      corrections: [
        { date: '2019-03-12', reason: 'Beløbet var forkert.' },
        { date: '2019-04-02', reason: 'Navnet var stavet forkert.' },
      ],
    },
  },
  communicationItemNumber: 6,
};

describe('the rendered HTML page', () => {
  it.each([
    ...meetings.map((meeting) => [meeting?.date, meeting, undefined] as const),
    ['2018-10-11 with annotations', readRealMeeting('chefforum-2018-10-11'), annotations] as const,
  ])(
    'of %s has no serious or critical accessibility violations (axe)',
    async (_date, meeting, withAnnotations) => {
      if (!meeting) throw new Error('missing meeting');
      const context = await browser.newContext();
      const page = await context.newPage();
      const bytes = await renderMeeting(meeting, 'html', { annotations: withAnnotations });
      await page.setContent(new TextDecoder().decode(bytes));
      const results = await new AxeBuilder({ page }).analyze();
      const severe = results.violations.filter((violation) =>
        ['serious', 'critical'].includes(violation.impact ?? ''),
      );
      expect(severe.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      expect(await page.locator('html').getAttribute('lang')).toBe('da');
      expect(await page.locator('script').count()).toBe(0);
      await context.close();
    },
  );
});
