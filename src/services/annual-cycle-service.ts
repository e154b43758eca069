import type { Actor } from '../core/actor.ts';
import { annualRuleLabel } from '../core/annual-cycle.ts';
import type { AnnualCycle, RecurringItem } from '../core/api-contract/planning.ts';
import type { RecurringItemInput } from '../core/api-contract/planning-inputs.ts';
import {
  deleteRecurringItem,
  findRecurringItem,
  findShowsAnnualWheel,
  insertRecurringItem,
  listRecurringItems,
  type StoredRecurringItem,
  updateRecurringItem,
  writeShowsAnnualWheel,
} from '../store/recurring-item-store.ts';
import type { Archive } from './archive-types.ts';
import { type CommandContext, runCommand } from './command-pipeline.ts';
import {
  type PlanCommandTarget,
  requireForumPurpose,
  requirePlanAccess,
  resolvePlanForum,
} from './planning-access.ts';
import { notFound } from './service-error.ts';

/**
 * The forum's annual cycle (årshjul): its recurring items ("sygefraværsstatistik hvert
 * kvartal", "intern revision forår og efterår") and whether its agenda PDF ends with the
 * årshjul. Applying the cycle to a year is in annual-cycle-application.ts.
 */

/** The forum's recurring items and settings, for its members and staff. */
export async function getAnnualCycle(
  archive: Archive,
  actor: Actor,
  forumId: number,
): Promise<AnnualCycle> {
  await requirePlanAccess(archive, actor, forumId);
  return loadAnnualCycle(archive.database.db, forumId);
}

/** Adds a recurring item to the forum's annual cycle. */
export function addRecurringItem(
  archive: Archive,
  actor: Actor,
  forumId: number,
  input: RecurringItemInput,
): Promise<RecurringItem> {
  return runCommand(archive, actor, {
    name: 'recurring_item.add',
    resolve: (db) => resolvePlanForum(db, forumId, { type: 'forum', id: forumId }),
    check: (_target, db) => requireForumPurpose(db, forumId, input.purpose),
    apply: async (context, target) => {
      const id = await insertRecurringItem(context.db, forumId, fieldsOf(input));
      await recordCycleRevision(context, target, id, 'create', { before: null, input });
      return presentedRecurringItem(context, id);
    },
  });
}

/** Changes a recurring item; what it already planned stays as planned. */
export function changeRecurringItem(
  archive: Archive,
  actor: Actor,
  recurringItemId: number,
  input: RecurringItemInput,
): Promise<RecurringItem> {
  return runCommand(archive, actor, {
    name: 'recurring_item.save',
    resolve: (db) => resolveRecurringItem(db, recurringItemId),
    check: (target, db) =>
      requireForumPurpose(db, target.forum.forumId, input.purpose, target.item.purpose),
    apply: async (context, target) => {
      await updateRecurringItem(context.db, recurringItemId, fieldsOf(input));
      await recordCycleRevision(context, target, recurringItemId, 'update', {
        before: target.item,
        input,
      });
      return presentedRecurringItem(context, recurringItemId);
    },
  });
}

/** Removes a recurring item; the items it planned stay in the punktbank. */
export function removeRecurringItem(
  archive: Archive,
  actor: Actor,
  recurringItemId: number,
): Promise<{ deleted: true }> {
  return runCommand(archive, actor, {
    name: 'recurring_item.delete',
    resolve: (db) => resolveRecurringItem(db, recurringItemId),
    apply: async (context, target) => {
      await deleteRecurringItem(context.db, recurringItemId);
      await recordCycleRevision(context, target, recurringItemId, 'delete', {
        before: target.item,
      });
      return { deleted: true };
    },
  });
}

/** Turns the årshjul as the agenda PDF's last page on or off for the forum. */
export function saveAnnualCycleSettings(
  archive: Archive,
  actor: Actor,
  forumId: number,
  settings: { showsAnnualWheel: boolean },
): Promise<AnnualCycle> {
  return runCommand(archive, actor, {
    name: 'annual_cycle.settings',
    resolve: (db) => resolvePlanForum(db, forumId, { type: 'forum', id: forumId }),
    apply: async (context) => {
      await writeShowsAnnualWheel(context.db, forumId, settings.showsAnnualWheel);
      await context.recordRevision({
        entityType: 'forum',
        entityId: forumId,
        action: 'annual_cycle.settings',
        data: { changes: settings },
      });
      return loadAnnualCycle(context.db, forumId);
    },
  });
}

/** A recurring item as the API answers it. */
export function presentRecurringItem(item: StoredRecurringItem): RecurringItem {
  return {
    id: item.id,
    forumId: item.forumId,
    title: item.title,
    purpose: item.purpose,
    durationMinutes: item.durationMinutes,
    rule: item.rule,
    ruleLabel: annualRuleLabel(item.rule),
  };
}

async function loadAnnualCycle(db: CommandContext['db'], forumId: number): Promise<AnnualCycle> {
  return {
    items: (await listRecurringItems(db, forumId)).map(presentRecurringItem),
    showsAnnualWheel: await findShowsAnnualWheel(db, forumId),
  };
}

async function resolveRecurringItem(
  db: CommandContext['db'],
  recurringItemId: number,
): Promise<PlanCommandTarget & { item: StoredRecurringItem }> {
  const item = await findRecurringItem(db, recurringItemId);
  if (!item) throw notFound('Det faste punkt');
  const target = await resolvePlanForum(db, item.forumId, {
    type: 'recurring_item',
    id: recurringItemId,
  });
  return { ...target, item };
}

async function presentedRecurringItem(context: CommandContext, id: number) {
  const item = await findRecurringItem(context.db, id);
  if (!item) throw notFound('Det faste punkt');
  return presentRecurringItem(item);
}

function fieldsOf(input: RecurringItemInput) {
  return {
    title: input.title,
    purpose: input.purpose || null,
    durationMinutes: input.durationMinutes ?? null,
    rule: input.rule,
  };
}

function recordCycleRevision(
  context: CommandContext,
  target: PlanCommandTarget,
  recurringItemId: number,
  action: 'create' | 'update' | 'delete',
  data: Record<string, unknown>,
): Promise<void> {
  return context.recordRevision({
    entityType: 'forum',
    entityId: target.forum.forumId,
    action: `recurring_item.${action}`,
    data: { recurringItemId, ...data },
  });
}
