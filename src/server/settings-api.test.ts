import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { createEmptyItem, type Meeting } from '../core/meeting.ts';
import { renderHtml } from '../render/html-renderer.ts';
import { renderMeeting } from '../render/render-meeting.ts';
import { buildRenderDocument } from '../render/render-model.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { caseUrlTemplateFromEnvironment } from '../services/case-link-settings.ts';
import { setForumVisibility } from '../services/forum-service.ts';
import { storeMeeting } from '../services/import-service.ts';
import { buildApp } from './app.ts';

const template = 'https://sag.example.dk/sag/{caseNumber}';
const caseLink = 'https://sag.example.dk/sag/12%2F27845';

const meeting: Meeting = {
  forum: 'Teknik- og Miljøudvalget',
  kind: 'minutes',
  date: '2019-03-12',
  start: '14:00',
  location: null,
  items: [
    { ...createEmptyItem(1, 'Trafikplan'), caseNumber: '12/27845', decision: 'Godkendt.' },
    createEmptyItem(2, 'Eventuelt'),
  ],
};

describe('REFERAT_CASE_URL', () => {
  it('is read from the environment, and an unusable template is refused in Danish', () => {
    expect(caseUrlTemplateFromEnvironment({})).toBeNull();
    expect(caseUrlTemplateFromEnvironment({ REFERAT_CASE_URL: ` ${template} ` })).toBe(template);
    expect(() =>
      caseUrlTemplateFromEnvironment({ REFERAT_CASE_URL: 'https://sag.example.dk/' }),
    ).toThrow(/^REFERAT_CASE_URL skal indeholde \{caseNumber\}/u);
  });

  it('links the journal number in the HTML, Word and PDF documents', async () => {
    const caseUrl = (caseNumber: string) =>
      template.replace('{caseNumber}', encodeURIComponent(caseNumber));
    const html = renderHtml(buildRenderDocument(meeting, { caseUrl }));
    expect(html).toContain(
      `<p class="journalnummer"><a href="${caseLink}" rel="external">12/27845</a></p>`,
    );
    expect(renderHtml(buildRenderDocument(meeting))).toContain(
      '<p class="journalnummer">12/27845</p>',
    );
    const docx = await JSZip.loadAsync(await renderMeeting(meeting, 'docx', { caseUrl }));
    expect(await docx.file('word/_rels/document.xml.rels')?.async('string')).toContain(
      `Target="${caseLink}"`,
    );
    const pdf = Buffer.from(await renderMeeting(meeting, 'pdf', { caseUrl })).toString('latin1');
    expect(pdf).toContain(caseLink);
  });
});

describe.each(testDatabases().slice(0, 1))(
  'GET /api/settings and the portal on %s',
  (_name, openDatabase) => {
    let archive: Archive;
    let app: Awaited<ReturnType<typeof buildApp>>;
    beforeAll(async () => {
      archive = await openArchiveOn(await openDatabase(), { caseUrlTemplate: template });
      await storeMeeting(archive, testAdministrator, meeting);
      await setForumVisibility(archive, testAdministrator, meeting.forum, 'public');
      app = await buildApp({ archive });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await archive?.close();
    });

    it('tells anyone the case URL template, and null without one', async () => {
      const response = await app.inject({ url: '/api/settings' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ caseUrlTemplate: template });
      archive.caseUrlTemplate = null;
      expect((await app.inject({ url: '/api/settings' })).json()).toEqual({
        caseUrlTemplate: null,
      });
      archive.caseUrlTemplate = template;
    });

    it('links the journal number to the case system on the /arkiv meeting and case pages', async () => {
      const [listed] = (await app.inject({ url: '/api/meetings' })).json();
      const page = await app.inject({ url: `/arkiv/moeder/${listed.id}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('href="/arkiv/sager/12%2F27845"');
      expect(page.body).toContain(`<a href="${caseLink}" rel="external">Sagen i sagssystemet`);
      const casePage = await app.inject({ url: '/arkiv/sager/12%2F27845' });
      expect(casePage.statusCode).toBe(200);
      expect(casePage.body).toContain(`<a href="${caseLink}" rel="external">`);
    });

    it('links it in the Word document the API serves', async () => {
      const [listed] = (await app.inject({ url: '/api/meetings' })).json();
      const response = await app.inject({ url: `/api/meetings/${listed.id}/document.docx` });
      expect(response.statusCode).toBe(200);
      const docx = await JSZip.loadAsync(response.rawPayload);
      expect(await docx.file('word/_rels/document.xml.rels')?.async('string')).toContain(
        `Target="${caseLink}"`,
      );
    });
  },
);
