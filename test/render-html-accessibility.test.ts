import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('the rendered HTML page', () => {
  it.each(meetings.map((meeting) => [meeting?.date, meeting] as const))(
    'of %s has no serious or critical accessibility violations (axe)',
    async (_date, meeting) => {
      if (!meeting) throw new Error('missing meeting');
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.setContent(new TextDecoder().decode(await renderMeeting(meeting, 'html')));
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
