import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymousReader, testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import type { UserActor } from '../core/actor.ts';
import { addRecurringItem, saveAnnualCycleSettings } from './annual-cycle-service.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { renderPreview } from './document-service.ts';
import { createForum } from './forum-service.ts';
import { createMeeting, publishAgenda } from './meeting-flow-service.ts';
import { renderMeetingDocument } from './meeting-service.ts';
import { addPlannedItem } from './planning-service.ts';

/** The text of a PDF, for asserting what a document says. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText } = await import('unpdf');
  const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
  return text.replace(/\s+/gu, ' ');
}

/** The årshjul as the agenda PDF's last page, when the forum wants it, on every backend. */
describe.each(testDatabases())('the årshjul in the agenda PDF on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  let secretary: UserActor;
  let publishedId: number;

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Direktionen',
        abbreviation: 'DIR',
        visibility: 'public',
      })
    ).id;
    secretary = userWithRole(forumId, 'secretary', 'Dorte Sekretær');
    publishedId = (await createMeeting(archive, secretary, { forumId, date: '2027-01-14' })).id;
    await publishAgenda(archive, secretary, publishedId);
    await createMeeting(archive, secretary, { forumId, date: '2027-02-11' });
    await addRecurringItem(archive, secretary, forumId, {
      title: 'Sygefraværsstatistik',
      rule: { kind: 'quarterly' },
    });
    await addPlannedItem(archive, secretary, forumId, { title: 'Hemmelig omstrukturering' });
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  it('leaves the årshjul out until the forum asks for it', async () => {
    const preview = await renderPreview(archive, secretary, publishedId, 'agenda');
    expect(await pdfText(preview.bytes)).not.toContain('Årshjul 2027');
  });

  it('ends the agenda with the årshjul and its text, without the punktbank', async () => {
    await saveAnnualCycleSettings(archive, secretary, forumId, { showsAnnualWheel: true });
    const preview = await renderPreview(archive, secretary, publishedId, 'agenda');
    const text = await pdfText(preview.bytes);
    expect(text).toContain('Årshjul 2027');
    expect(text).toContain('April: Fast punkt – Sygefraværsstatistik: 2. kvartal, hvert kvartal');
    expect(text).toContain('Februar: Møde 11. februar 2027 (Kladde)');
    expect(text).not.toContain('Hemmelig omstrukturering');
    // Still PDF/UA: the picture has its alternative text, the list its tags.
    expect(Buffer.from(preview.bytes).toString('latin1')).toContain('pdfuaid:part');
    const minutes = await renderPreview(archive, secretary, publishedId, 'minutes');
    expect(await pdfText(minutes.bytes)).not.toContain('Årshjul 2027');
  });

  it('shows the public only the meetings the public may see', async () => {
    const document = await renderMeetingDocument(archive, anonymousReader, publishedId, 'pdf');
    const text = await pdfText(document.bytes);
    expect(text).toContain('Januar: Møde 14. januar 2027 (Dagsorden udsendt)');
    expect(text).not.toContain('11. februar 2027');
    const word = await renderMeetingDocument(archive, anonymousReader, publishedId, 'docx');
    expect(word.bytes.length).toBeGreaterThan(0);
  });
});
