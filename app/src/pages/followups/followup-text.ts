import {
  followupKindLabels,
  followupStatusLabels,
  formatDueRange,
} from '../../../../src/core/followups/followup-tracking.ts';
import type { FollowupConfirmation, FollowupView } from '../../api/followups.ts';
import type { FormProblem } from '../../components/error-summary.tsx';

/*
 * What the follow-up views say, in Danish, and the editor's draft: pure, so it is tested
 * without a browser.
 */

/** "21. juni 2017", "1. – 10. juli 2017", or "Ingen frist". */
export function dueText(due: FollowupView['due']): string {
  return due ? formatDueRange(due) : 'Ingen frist';
}

/** "Rikke Blom", "Økonomi (enhed)", or "Ingen ansvarlig". */
export function ownerText(owner: FollowupView['owner']): string {
  if (!owner) return 'Ingen ansvarlig';
  return owner.kind === 'unit' ? `${owner.name} (enhed)` : owner.name;
}

/** "Åben", "Åben – fristen er overskredet", "Udført", "Annulleret". */
export function statusText(followup: Pick<FollowupView, 'status' | 'isOverdue'>): string {
  const label = followupStatusLabels[followup.status];
  return followup.isOverdue ? `${label} – fristen er overskredet` : label;
}

/** "Opgave" or "Vender tilbage". */
export function kindText(kind: FollowupView['kind']): string {
  return followupKindLabels[kind];
}

/** A step of the history in Danish. */
export function historyActionText(action: string): string {
  const labels: Record<string, string> = {
    suggest: 'Fundet i beslutningen',
    confirm: 'Bekræftet',
    update: 'Rettet',
    status: 'Status ændret',
    note: 'Note',
    reject: 'Afvist',
  };
  return labels[action] ?? action;
}

/**
 * The editor's fields as typed. `owner` is the owner choice's value: "" (none), "enhed" (a
 * unit, named in `unitName`) or "medlem:" and a member's name.
 */
export interface FollowupDraft {
  title: string;
  kind: FollowupView['kind'];
  owner: string;
  unitName: string;
  dueFrom: string;
  dueTo: string;
}

/** The owner choice "a unit". */
export const unitChoice = 'enhed';

/** The owner choice of a member. */
export function memberChoice(name: string): string {
  return `medlem:${name}`;
}

/** The draft a follow-up starts the editor with. */
export function draftOf(followup: FollowupView, members: readonly string[]): FollowupDraft {
  const owner = followup.owner;
  const isMember = owner?.kind === 'member' && members.includes(owner.name);
  return {
    title: followup.title,
    kind: followup.kind,
    owner: !owner ? '' : isMember ? memberChoice(owner.name) : unitChoice,
    unitName: owner && !isMember ? owner.name : '',
    dueFrom: followup.due?.from ?? '',
    dueTo: followup.due?.to ?? '',
  };
}

/** The field ids of the editor, made unique per follow-up. */
export function fieldIds(followupId: number) {
  const prefix = `opfoelgning-${followupId}`;
  return {
    title: `${prefix}-titel`,
    owner: `${prefix}-ansvarlig`,
    unitName: `${prefix}-enhed`,
    dueFrom: `${prefix}-frist-fra`,
    dueTo: `${prefix}-frist-til`,
  };
}

/** The problems of a draft before it is sent, each naming its field. */
export function checkDraft(draft: FollowupDraft, followupId: number): FormProblem[] {
  const ids = fieldIds(followupId);
  const problems: FormProblem[] = [];
  if (!draft.title.trim()) problems.push({ message: 'Skriv en titel.', fieldId: ids.title });
  if (draft.owner === unitChoice && !draft.unitName.trim())
    problems.push({ message: 'Skriv enhedens navn.', fieldId: ids.unitName });
  if (draft.dueFrom && !draft.dueTo)
    problems.push({ message: 'Vælg fristens sidste dag.', fieldId: ids.dueTo });
  if (draft.dueFrom && draft.dueTo && draft.dueFrom > draft.dueTo)
    problems.push({
      message: 'Fristens første dag skal ligge før den sidste.',
      fieldId: ids.dueFrom,
    });
  return problems;
}

/** What the API takes from a checked draft: a missing first day is the last day. */
export function changesOf(draft: FollowupDraft): Omit<FollowupConfirmation, 'version'> {
  const owner =
    draft.owner === ''
      ? null
      : draft.owner === unitChoice
        ? { name: draft.unitName.trim(), kind: 'unit' as const }
        : { name: draft.owner.replace(/^medlem:/u, ''), kind: 'member' as const };
  return {
    title: draft.title.trim(),
    kind: draft.kind,
    owner,
    due: draft.dueTo ? { from: draft.dueFrom || draft.dueTo, to: draft.dueTo } : null,
  };
}
