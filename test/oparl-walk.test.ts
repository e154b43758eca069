import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './support/databases.ts';
import { type OparlWalk, walkOparl } from './support/oparl-walker.ts';
import { createOparlWorld, type OparlWorld } from './support/oparl-world.ts';

/**
 * Issue 11, OParl 1.1: a harvester starts at the System object and follows every link of the
 * server breadth-first; every object it meets (listed, embedded or at its own URL) validates
 * against the official OParl 1.1.1 schema of its type, and nothing an anonymous reader may not
 * see is anywhere in what it got: not the internal forum, not the closed item beyond its number
 * and "Lukket punkt", not the draft, not decisions before the minutes, not an e-mail address.
 * The archive is the demo data plus meetings made through the services (support/oparl-world).
 */

const origin = 'http://localhost';
const systemUrl = `${origin}/oparl/v1.1`;

describe.each(testDatabases())('the OParl 1.1 walk on %s', (name, openDatabase) => {
  let world: OparlWorld;
  let walk: OparlWalk;
  beforeAll(async () => {
    world = await createOparlWorld(openDatabase);
    walk = await walkOparl(world.app, origin, systemUrl);
    const invalid = walk.invalid.length;
    const summary = Object.entries(walk.countsByType)
      .sort(([left], [right]) => left.localeCompare(right))
      .map(([type, count]) => `${type} ${count}`)
      .join(', ');
    console.log(
      `OParl walk on ${name}: ${walk.answers.length} requests; objects by type: ${summary}; invalid: ${invalid}`,
    );
  }, 300_000);
  afterAll(async () => {
    await world?.close();
  });

  const object = (collection: string, key: string | number) =>
    walk.objects.get(`${systemUrl}/${collection}/${key}`);

  it('reaches every type, every object validates against its schema, and every link answers', () => {
    expect(walk.invalid).toEqual([]);
    expect(walk.problems).toEqual([]);
    for (const type of [
      'System',
      'Body',
      'Organization',
      'Person',
      'Membership',
      'Meeting',
      'AgendaItem',
      'Consultation',
      'Paper',
      'File',
      'Location',
    ])
      expect(walk.countsByType[type], type).toBeGreaterThan(0);
    // The documents and Bilag a File names were fetched too.
    const files = walk.answers.filter(
      (answer) => answer.url.includes('/document.pdf') || answer.url.includes('/api/attachments/'),
    );
    expect(files.length).toBeGreaterThan(0);
    expect(files.every((answer) => answer.status === 200)).toBe(true);
  });

  it('never shows the internal forum, the closed item, the draft, unpublished decisions or e-mail', () => {
    const texts = walk.answers.flatMap((answer) =>
      answer.text === null ? [] : [{ url: answer.url, text: answer.text.toLowerCase() }],
    );
    expect(texts.length).toBeGreaterThan(50);
    const leaks = world.hiddenMarkers.flatMap((marker) =>
      texts
        .filter((entry) => entry.text.includes(marker.toLowerCase()))
        .map((entry) => `${marker} in ${entry.url}`),
    );
    expect(leaks).toEqual([]);
    const { ids } = world;
    for (const missing of [
      ['organization', ids.internalForumId],
      ['meeting', ids.internalMeetingId],
      ['meeting', ids.draftMeetingId],
      ['consultation', ids.closedItemId],
      ['file', `attachment-${ids.closedBilagId}`],
    ] as const)
      expect(object(missing[0], missing[1]), missing.join(' ')).toBeUndefined();
  });

  it('shows a closed item as its number and "Lukket punkt" and nothing else', () => {
    const closed = object('agendaItem', world.ids.closedItemId);
    expect(closed).toBeDefined();
    expect(Object.keys(closed ?? {}).sort()).toEqual(
      ['created', 'id', 'meeting', 'modified', 'name', 'number', 'order', 'public', 'type'].sort(),
    );
    expect(closed).toMatchObject({ name: 'Lukket punkt', public: false });
  });

  it('maps the Danish sections of a published item to OParl and the referat: extension', () => {
    const { publishedTexts: texts, ids } = world;
    const item = object('agendaItem', ids.openItemId);
    expect(item).toMatchObject({
      name: texts.openTitle,
      public: true,
      resolutionText: texts.openDecision,
      meeting: `${systemUrl}/meeting/${ids.publishedMeetingId}`,
      consultation: `${systemUrl}/consultation/${ids.openItemId}`,
      'referat:caseNumber': '00.30.14-S00-2-16',
      'referat:background': texts.openBackground,
      'referat:recommendation': {
        proposer: 'Kommunaldirektøren',
        points: [texts.recommendationPoint],
      },
      'referat:absent': [{ name: texts.absentMember, role: 'Chef' }],
      'referat:guests': [{ name: texts.guest, role: 'Økonomichef' }],
      'referat:communication': texts.communication,
      'referat:durationMinutes': 20,
      'referat:attachments': [
        { title: texts.bilagTitle, file: `${systemUrl}/file/attachment-${ids.openBilagId}` },
      ],
    });
    expect(item?.auxiliaryFile).toEqual([
      expect.objectContaining({
        name: texts.bilagTitle,
        accessUrl: `${systemUrl}/file/attachment-${ids.openBilagId}/access`,
        downloadUrl: `${origin}/api/attachments/${ids.openBilagId}`,
      }),
    ]);
    const meeting = object('meeting', ids.publishedMeetingId);
    expect(meeting).toMatchObject({
      start: '2026-12-03T13:00:00+01:00',
      organization: [`${systemUrl}/organization/${ids.publicForumId}`],
      location: { description: 'Byrådssalen' },
      resultsProtocol: {
        accessUrl: `${origin}/api/meetings/${ids.publishedMeetingId}/document.pdf?kind=minutes`,
      },
      web: `${origin}/arkiv/moeder/${ids.publishedMeetingId}`,
      'referat:status': 'minutes_published',
    });
    // The case's Paper (the demo's 2017 minutes have it too) takes its name from the latest
    // item that shows it, and leaves out the demo draft's item with the same journal number.
    const paper = [...walk.objects.values()].find(
      (entry) =>
        entry.type === 'https://schema.oparl.org/1.1/Paper' &&
        entry.reference === '00.30.14-S00-2-16',
    );
    expect(paper).toMatchObject({ name: texts.openTitle, date: '2017-06-14' });
    const handledAt = ((paper?.consultation ?? []) as Array<{ meeting: string }>).map(
      (entry) => entry.meeting,
    );
    expect(handledAt).toHaveLength(2);
    expect(handledAt).toContain(`${systemUrl}/meeting/${ids.publishedMeetingId}`);
  });

  it('shows a meeting in progress without its decisions, and a cancelled one as cancelled', () => {
    const running = object('meeting', world.ids.runningMeetingId) as
      | { agendaItem: Array<Record<string, unknown>>; resultsProtocol?: unknown }
      | undefined;
    expect(running).toBeDefined();
    expect(running?.resultsProtocol).toBeUndefined();
    expect(running?.agendaItem.some((item) => 'resolutionText' in item)).toBe(false);
    expect(object('meeting', world.ids.cancelledMeetingId)).toMatchObject({
      cancelled: true,
      meetingState: 'Aflyst',
    });
  });

  it('gives the public forum’s members as persons with their roles, and nothing more', () => {
    const persons = [...walk.objects.values()].filter(
      (entry) => entry.type === 'https://schema.oparl.org/1.1/Person',
    );
    expect(persons.map((person) => person.name)).toContain(world.publishedTexts.absentMember);
    for (const person of persons)
      expect(Object.keys(person).sort()).toEqual(
        ['body', 'created', 'id', 'membership', 'modified', 'name', 'type'].sort(),
      );
  });
});
