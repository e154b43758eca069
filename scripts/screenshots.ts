/**
 * Screenshots of the main pages for the README (docs/screenshots/*.png): starts Referat on a
 * fresh folder with the demo data and photographs it in Debian's Chromium.
 * Run: node scripts/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startAppServer } from '../test/support/app-server.ts';
import { removeScratchFolders } from '../test/support/archive-io.ts';
import { launchBrowser } from '../test/support/browser.ts';

const folder = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
mkdirSync(folder, { recursive: true });
const server = await startAppServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'da-DK' });
  const api = async (path: string) => (await page.request.get(`${server.baseUrl}${path}`)).json();
  const meetings = await api('/api/meetings');
  const draft = meetings.find((meeting: { status: string }) => meeting.status === 'draft');
  const archived = meetings.find((meeting: { date: string }) => meeting.date === '2018-10-11');
  const workspace = await api(`/api/meetings/${draft.id}/workspace`);
  const shots: Array<[string, string, (() => Promise<void>)?]> = [
    ['moeder', '/'],
    ['dagsorden', `/moeder/${draft.id}`],
    [
      'punkt',
      `/moeder/${draft.id}/punkter/${workspace.items[1].id}`,
      async () => {
        await page.getByRole('tab', { name: 'Forhåndsvisning af Sagsfremstilling' }).click();
      },
    ],
    ['moedetilstand', `/moeder/${archived.id}/moede`],
    ['soeg', `/soeg?q=${encodeURIComponent('sygefravær')}`],
  ];
  for (const [name, path, prepare] of shots) {
    await page.goto(`${server.baseUrl}${path}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await prepare?.();
    await page.screenshot({ path: `${folder}${name}.png` });
    process.stdout.write(`docs/screenshots/${name}.png\n`);
  }
} finally {
  await browser.close();
  await server.close();
  removeScratchFolders();
}
