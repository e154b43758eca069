import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdministrator, userWithRole } from '../../test/support/actors.ts';
import { testDatabases } from '../../test/support/databases.ts';
import type { UserActor } from '../core/actor.ts';
import { applyAnnualCycle } from './annual-cycle-application.ts';
import {
  addRecurringItem,
  changeRecurringItem,
  getAnnualCycle,
  removeRecurringItem,
  saveAnnualCycleSettings,
} from './annual-cycle-service.ts';
import { getAnnualWheelSvg } from './annual-wheel-service.ts';
import { type Archive, openArchiveOn } from './archive.ts';
import { createForum, saveForum } from './forum-service.ts';
import { createMeeting, publishAgenda } from './meeting-flow-service.ts';
import { getYearPlan, planMeetingSeries } from './meeting-plan-service.ts';
import { listOfferedItems, listPlannedItems } from './planning-service.ts';
import { ServiceError } from './service-error.ts';
import { getWorkspace } from './workspace-service.ts';

/** The year's meeting plan and the annual cycle on every backend. */
describe.each(testDatabases())('the year’s plan on %s', (_name, openDatabase) => {
  let archive: Archive;
  let forumId: number;
  let secretary: UserActor;
  let member: UserActor;
  const series = {
    pattern: { kind: 'weekly' as const, weekday: 3 as const, intervalWeeks: 4 },
    from: '2027-01-04',
    to: '2027-12-31',
    skipWeeks: [7, 29, 30, 31, 52],
    start: '09:00',
    location: 'Mødelokale 1',
  };

  beforeAll(async () => {
    archive = await openArchiveOn(await openDatabase());
    forumId = (
      await createForum(archive, testAdministrator, {
        name: 'Direktionen',
        abbreviation: 'DIR',
        visibility: 'public',
      })
    ).id;
    await saveForum(archive, testAdministrator, forumId, {
      name: 'Direktionen',
      abbreviation: 'DIR',
      members: [],
      standingItems: [{ title: 'Aktuelle emner', durationMinutes: 15, purpose: 'Drøftelse' }],
    });
    secretary = userWithRole(forumId, 'secretary', 'Dorte Sekretær');
    member = userWithRole(forumId, 'member', 'Mads Medlem');
  }, 60_000);
  afterAll(async () => {
    await archive?.close();
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof ServiceError ? error.status : String(error)),
    );

  it('shows a series’ dates first, then creates each meeting the usual way', async () => {
    // A meeting on one of the days already: the series leaves it as it is.
    await createMeeting(archive, secretary, { forumId, date: '2027-03-04' });
    const preview = await planMeetingSeries(archive, secretary, forumId, {
      ...series,
      dryRun: true,
    });
    expect(preview.isDryRun).toBe(true);
    expect(preview.dates.slice(0, 3)).toEqual([
      { date: '2027-01-07', week: 1, state: 'new', meetingId: null },
      { date: '2027-02-04', week: 5, state: 'new', meetingId: null },
      { date: '2027-03-04', week: 9, state: 'exists', meetingId: expect.any(Number) },
    ]);
    expect(preview.skipped).toEqual([{ date: '2027-07-22', week: 29 }]);
    expect((await getYearPlan(archive, secretary, forumId, 2027)).months[0]?.meetings).toEqual([]);

    const created = await planMeetingSeries(archive, secretary, forumId, series);
    expect(created.createdCount).toBe(preview.dates.length - 1);
    expect(created.dates.every((entry) => entry.meetingId !== null)).toBe(true);
    const first = await getWorkspace(archive, secretary, created.dates[0]?.meetingId ?? 0);
    expect(first).toMatchObject({ start: '09:00', location: 'Mødelokale 1', status: 'draft' });
    expect(first.items.map((item) => item.title)).toEqual([
      'Godkendelse af dagsorden og referat',
      'Aktuelle emner',
      'Evt.',
    ]);
    const second = await getWorkspace(archive, secretary, created.dates[1]?.meetingId ?? 0);
    expect(second.items[0]?.recommendation?.points.join(' ')).toContain('7. januar 2027');
  });

  it('refuses a series from others and one that cannot be', async () => {
    expect(await refusal(planMeetingSeries(archive, member, forumId, series))).toBe(403);
    expect(
      await refusal(
        planMeetingSeries(archive, secretary, forumId, { ...series, to: '2026-01-01' }),
      ),
    ).toBe(400);
    expect(await refusal(planMeetingSeries(archive, secretary, 999_999, series))).toBe(404);
  });

  it('shows the year at a glance, drafts only to the forum’s staff', async () => {
    const plan = await getYearPlan(archive, secretary, forumId, 2027);
    expect(plan.months.map((month) => month.name).slice(0, 3)).toEqual([
      'januar',
      'februar',
      'marts',
    ]);
    expect(plan.months[0]?.meetings).toEqual([
      expect.objectContaining({
        date: '2027-01-07',
        statusLabel: 'Kladde',
        permissions: { canEditDetails: true, canCancel: false, canDelete: true },
      }),
    ]);
    expect(plan.permissions).toEqual({ canManagePlan: true, canCreateMeetings: true });
    const february = plan.months[1]?.meetings[0];
    await publishAgenda(archive, secretary, february?.id ?? 0);
    const asMember = await getYearPlan(archive, member, forumId, 2027);
    expect(
      asMember.months.flatMap((month) => month.meetings.map((meeting) => meeting.date)),
    ).toEqual(['2027-02-04']);
    expect(asMember.months[1]?.meetings[0]?.permissions).toEqual({
      canEditDetails: false,
      canCancel: false,
      canDelete: false,
    });
    expect(asMember.permissions).toEqual({ canManagePlan: false, canCreateMeetings: false });
    expect(await refusal(getYearPlan(archive, userWithRole(999, 'member'), forumId, 2027))).toBe(
      403,
    );
  });

  it('keeps recurring items with their rules, and the setting for the agenda PDF', async () => {
    const statistics = await addRecurringItem(archive, secretary, forumId, {
      title: 'Sygefraværsstatistik',
      rule: { kind: 'quarterly' },
      durationMinutes: 15,
    });
    expect(statistics.ruleLabel).toBe('hvert kvartal');
    await addRecurringItem(archive, secretary, forumId, {
      title: 'Intern revision',
      rule: { kind: 'spring_autumn' },
    });
    const budget = await addRecurringItem(archive, secretary, forumId, {
      title: 'Budgetstatus',
      rule: { kind: 'months', months: [6] },
    });
    const changed = await changeRecurringItem(archive, secretary, budget.id, {
      title: 'Budgetstatus',
      purpose: 'Orientering',
      rule: { kind: 'months', months: [9, 6] },
    });
    expect(changed.ruleLabel).toBe('i juni og september');
    expect(
      await refusal(
        addRecurringItem(archive, secretary, forumId, {
          title: 'X',
          purpose: 'Afdække',
          rule: { kind: 'quarterly' },
        }),
      ),
    ).toBe(400);
    expect(
      await refusal(
        addRecurringItem(archive, member, forumId, { title: 'X', rule: { kind: 'quarterly' } }),
      ),
    ).toBe(403);
    const withSetting = await saveAnnualCycleSettings(archive, secretary, forumId, {
      showsAnnualWheel: true,
    });
    expect(withSetting.showsAnnualWheel).toBe(true);
    const cycle = await getAnnualCycle(archive, member, forumId);
    expect(cycle.items.map((item) => item.title)).toEqual([
      'Sygefraværsstatistik',
      'Intern revision',
      'Budgetstatus',
    ]);
  });

  it('lays the annual cycle into the year’s meetings, and never twice', async () => {
    const applied = await applyAnnualCycle(archive, secretary, forumId, 2027);
    // 4 quarters + spring and autumn + June and September. The series' July meeting falls in
    // the skipped week 29, so the third quarter's is the first after the summer, 19 August.
    expect(applied).toMatchObject({
      year: 2027,
      createdCount: 8,
      placedCount: 0,
      unchangedCount: 0,
    });
    expect(applied.waiting).toEqual([]);
    const planned = await listPlannedItems(archive, secretary, forumId);
    expect(
      planned
        .filter((item) => item.source === 'annual')
        .map((item) => `${item.meeting?.date} ${item.title}`)
        .sort(),
    ).toEqual([
      '2027-01-07 Sygefraværsstatistik',
      '2027-03-04 Intern revision',
      '2027-04-01 Sygefraværsstatistik',
      '2027-06-24 Budgetstatus',
      '2027-08-19 Sygefraværsstatistik',
      '2027-09-16 Budgetstatus',
      '2027-09-16 Intern revision',
      '2027-10-14 Sygefraværsstatistik',
    ]);
    const again = await applyAnnualCycle(archive, secretary, forumId, 2027);
    expect(again).toMatchObject({ createdCount: 0, placedCount: 0, unchangedCount: 8 });
    expect(await listPlannedItems(archive, secretary, forumId)).toHaveLength(planned.length);
    expect(await refusal(applyAnnualCycle(archive, member, forumId, 2027))).toBe(403);
  });

  it('lets an item wait for a meeting the plan does not have yet, and places it later', async () => {
    const july = await addRecurringItem(archive, secretary, forumId, {
      title: 'Sommerhilsen',
      rule: { kind: 'months', months: [7] },
    });
    const first = await applyAnnualCycle(archive, secretary, forumId, 2027);
    expect(first).toMatchObject({ createdCount: 1, unchangedCount: 8 });
    expect(first.waiting).toEqual([{ title: 'Sommerhilsen', period: 'juli 2027' }]);
    // Waiting for a July meeting, it is not offered to January's agenda.
    const january = (await getYearPlan(archive, secretary, forumId, 2027)).months[0]?.meetings[0];
    const offered = await listOfferedItems(archive, secretary, january?.id ?? 0);
    expect(offered.map((item) => item.title)).toEqual(['Sygefraværsstatistik']);
    await createMeeting(archive, secretary, { forumId, date: '2027-07-08' });
    const second = await applyAnnualCycle(archive, secretary, forumId, 2027);
    expect(second).toMatchObject({ createdCount: 0, placedCount: 1, waiting: [] });
    await removeRecurringItem(archive, secretary, july.id);
    const kept = (await listPlannedItems(archive, secretary, forumId)).find(
      (item) => item.title === 'Sommerhilsen',
    );
    expect(kept).toMatchObject({ meeting: { date: '2027-07-08' }, recurringItemId: null });
  });

  it('draws the årshjul for members, with meetings and items they may see', async () => {
    const svg = await getAnnualWheelSvg(archive, secretary, forumId, 2027);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /u);
    expect(svg).toContain('<title id="aarshjul-titel">Årshjul 2027 for Direktionen</title>');
    expect(svg).toContain(
      'Planlagt punkt – Budgetstatus: Fra årshjulet, planlagt til mødet 24. juni 2027',
    );
    const asMember = await getAnnualWheelSvg(archive, member, forumId, 2027);
    // The member sees only the meeting whose agenda is out, and no draft's date.
    expect(asMember.match(/<g class="meeting/gu)).toHaveLength(1);
    expect(asMember).not.toContain('planlagt til mødet 24. juni 2027');
    const plan = await getYearPlan(archive, member, forumId, 2027);
    expect(plan.wheelEntries.filter((entry) => entry.kind === 'meeting')).toHaveLength(1);
    expect(
      await refusal(getAnnualWheelSvg(archive, userWithRole(999, 'member'), forumId, 2027)),
    ).toBe(403);
  });
});
