import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScratchFolder, removeScratchFolders } from '../../test/support/archive-io.ts';
import { testDatabases } from '../../test/support/databases.ts';
import { findPart, parseMime, textOf } from '../../test/support/mime-message.ts';
import { type SignedInHeaders, signInAs } from '../../test/support/signed-in.ts';
import { type Archive, openArchiveOn } from '../services/archive.ts';
import { deliverDueEvents } from '../services/outbox/outbox-worker.ts';
import { buildApp } from './app.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

afterAll(removeScratchFolders);

/**
 * Members' e-mail through the API, and the mail without a mail server: addresses and deputies
 * saved and checked, shown only to the forum's editors, the messages written as .eml files,
 * and each recipient's delivery on the meeting for its secretaries.
 */
describe.each(testDatabases())(
  'members’ e-mail and deliveries over the API on %s',
  (_name, openDatabase) => {
    let archive: Archive;
    let app: App;
    let outbox: string;
    let forumId: number;
    let meetingId: number;
    let administrator: SignedInHeaders;
    let secretary: SignedInHeaders;
    let member: SignedInHeaders;
    let outsider: SignedInHeaders;
    const members = [
      {
        name: 'Rikke Blom',
        role: 'Direktør BSV',
        email: 'rikke@albertslund.example',
        deputy: { name: 'Lise Lund', email: 'lise@albertslund.example' },
      },
      {
        name: 'Jens Andersen',
        role: 'Kommunaldirektør',
        email: 'jens@albertslund.example',
        receives: { agenda: true, minutes: false },
      },
      { name: 'Ole Berg', role: null },
    ];

    beforeAll(async () => {
      outbox = join(makeScratchFolder('referat-mail-'), 'outbox');
      archive = await openArchiveOn(await openDatabase(), {
        mail: {
          smtpUrl: null,
          outboxDirectory: outbox,
          publicUrl: 'https://referat.albertslund.example',
          from: { name: 'Referat', address: 'referat@albertslund.example' },
        },
      });
      app = await buildApp({ archive });
      administrator = await signInAs(app, archive, { username: 'anne', isAdministrator: true });
      const created = await app.inject({
        method: 'POST',
        url: '/api/forums',
        headers: administrator,
        payload: { name: 'Chefforum', abbreviation: 'CF', visibility: 'public' },
      });
      forumId = created.json().id;
      secretary = await signInAs(app, archive, {
        username: 'soeren',
        forumRoles: [{ forumId, role: 'secretary' }],
      });
      member = await signInAs(app, archive, {
        username: 'mads',
        forumRoles: [{ forumId, role: 'member' }],
      });
      outsider = await signInAs(app, archive, { username: 'udenfor' });
    });
    afterAll(async () => {
      await app?.close();
      await archive?.close();
    });

    const put = (headers: SignedInHeaders, body: unknown) =>
      app.inject({
        method: 'PUT',
        url: `/api/forums/${forumId}`,
        headers,
        payload: body as object,
      });
    const forumAs = async (headers?: SignedInHeaders) =>
      (await app.inject({ method: 'GET', url: '/api/forums', ...(headers ? { headers } : {}) }))
        .json()
        .find((forum: { id: number }) => forum.id === forumId);

    it('saves members with an address, a deputy and what they receive', async () => {
      const saved = await put(secretary, { name: 'Chefforum', abbreviation: 'CF', members });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().members).toEqual([
        { ...members[0], receives: { agenda: true, minutes: true } },
        { ...members[1], deputy: null },
        {
          name: 'Ole Berg',
          role: null,
          email: null,
          deputy: null,
          receives: { agenda: true, minutes: true },
        },
      ]);
    });

    it('refuses an address that is not one, naming the member, in Danish', async () => {
      const wrong = await put(secretary, {
        name: 'Chefforum',
        members: [{ name: 'Rikke Blom', role: null, email: 'rikke@albertslund' }],
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error).toBe(
        'Medlemmet "Rikke Blom" har en ugyldig e-mailadresse. Skriv den som navn@kommune.dk, eller lad feltet stå tomt.',
      );
      const deputyWithoutAddress = await put(secretary, {
        name: 'Chefforum',
        members: [{ name: 'Rikke Blom', role: null, deputy: { name: 'Lise Lund', email: '' } }],
      });
      expect(deputyWithoutAddress.statusCode).toBe(400);
      expect(deputyWithoutAddress.json().error).toBe(
        'Stedfortræderen for "Rikke Blom" mangler en e-mailadresse.',
      );
      const twoAddresses = await put(secretary, {
        name: 'Chefforum',
        members: [
          { name: 'Rikke Blom', role: null, email: 'a@albertslund.example, b@albertslund.example' },
        ],
      });
      expect(twoAddresses.statusCode).toBe(400);
      // Nothing of a refused save was kept.
      expect((await forumAs(secretary)).members).toHaveLength(3);
    });

    it('keeps a member’s address when a client sends only names and roles', async () => {
      const saved = await put(secretary, {
        name: 'Chefforum',
        members: members.map(({ name, role }) => ({ name, role })),
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().members[0]).toMatchObject({
        email: 'rikke@albertslund.example',
        deputy: { name: 'Lise Lund', email: 'lise@albertslund.example' },
      });
      expect(saved.json().members[1].receives).toEqual({ agenda: true, minutes: false });
    });

    it('shows addresses and deputies only to those who may edit the forum', async () => {
      expect((await forumAs(secretary)).members[0].email).toBe('rikke@albertslund.example');
      expect((await forumAs(administrator)).members[0].deputy.name).toBe('Lise Lund');
      for (const reader of [member, outsider, undefined]) {
        const seen = await forumAs(reader);
        expect(seen.members).toEqual([
          { name: 'Rikke Blom', role: 'Direktør BSV' },
          { name: 'Jens Andersen', role: 'Kommunaldirektør' },
          { name: 'Ole Berg', role: null },
        ]);
      }
      const meeting = await app.inject({
        method: 'POST',
        url: '/api/meetings',
        headers: secretary,
        payload: { forumId, date: '2031-05-07', start: '10:00', location: 'Mødelokale 2' },
      });
      expect(meeting.statusCode).toBe(201);
      meetingId = meeting.json().id;
      const workspace = await app.inject({
        method: 'GET',
        url: `/api/meetings/${meetingId}/workspace`,
        headers: secretary,
      });
      // The meeting's workspace (sent to every reader of the meeting) carries the roster only.
      expect(workspace.body).not.toContain('@albertslund.example');
    });

    it('writes the mail as .eml files without a mail server, and says so to the secretary', async () => {
      const published = await app.inject({
        method: 'POST',
        url: `/api/meetings/${meetingId}/publish-agenda`,
        headers: secretary,
      });
      expect(published.statusCode).toBe(200);
      await deliverDueEvents(archive);
      const files = readdirSync(outbox).filter((name) => name.endsWith('.eml'));
      expect(files).toHaveLength(2);
      const messages = files.map((name) => parseMime(readFileSync(join(outbox, name))));
      expect(messages.map((message) => message.headers.get('to')).sort()).toEqual([
        'Jens Andersen <jens@albertslund.example>',
        'Rikke Blom <rikke@albertslund.example>',
      ]);
      expect(messages[0]?.headers.get('subject')).toBe('Dagsorden: Chefforum 7. maj 2031');
      expect(
        findPart(messages[0] as NonNullable<(typeof messages)[0]>, 'application/pdf'),
      ).toBeDefined();
      expect(
        textOf(findPart(messages[0] as NonNullable<(typeof messages)[0]>, 'text/calendar')),
      ).toContain('METHOD:REQUEST');

      const answer = await app.inject({
        method: 'GET',
        url: `/api/meetings/${meetingId}/deliveries`,
        headers: secretary,
      });
      expect(answer.statusCode).toBe(200);
      const seen = answer.json();
      expect(seen.transport).toEqual({ kind: 'files', directory: outbox });
      expect(seen.queue).toEqual([]);
      expect(
        seen.deliveries.map((entry: { recipientName: string; state: string }) => [
          entry.recipientName,
          entry.state,
        ]),
      ).toEqual([
        ['Rikke Blom', 'sent'],
        ['Jens Andersen', 'sent'],
      ]);
    });

    it('keeps the deliveries from the forum’s members and everyone else', async () => {
      const as = (headers?: SignedInHeaders) =>
        app.inject({
          method: 'GET',
          url: `/api/meetings/${meetingId}/deliveries`,
          ...(headers ? { headers } : {}),
        });
      expect((await as(administrator)).statusCode).toBe(200);
      const refusedMember = await as(member);
      expect(refusedMember.statusCode).toBe(403);
      expect(refusedMember.body).not.toContain('@albertslund.example');
      for (const reader of [outsider, undefined]) {
        const refused = await as(reader);
        expect([401, 403]).toContain(refused.statusCode);
        expect(refused.body).not.toContain('@albertslund.example');
      }
      expect((await as(secretary)).statusCode).toBe(200);
      const missing = await app.inject({
        method: 'GET',
        url: '/api/meetings/999999/deliveries',
        headers: secretary,
      });
      expect(missing.statusCode).toBe(404);
    });
  },
);
