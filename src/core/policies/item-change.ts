import type { PolicyAction } from './authorize.ts';

/** The fields written in and after the meeting: the Beslutning and what to tell others. */
export const decisionFieldNames: readonly string[] = ['decision', 'communication'];

/** Who is there: absences (afbud before the meeting) and guests, until the approval. */
export const attendanceFieldNames: readonly string[] = ['absent', 'guests'];

/**
 * The policy actions a change to an item's fields needs: editing the agenda (title, texts,
 * Indstilling, closedness …), entering decisions (Beslutning, Kommunikeres ud), recording
 * attendance (Fraværende, guests), or several; a correction of approved minutes needs the
 * correction right alone. Fields that do not change need nothing, so an editor that sends
 * every field can still save a decision after the agenda is closed; a save that changes
 * nothing is judged by the fields it names.
 */
export function actionsForItemChange(
  changedFields: readonly string[],
  sentFields: readonly string[],
  isCorrection: boolean,
): PolicyAction[] {
  if (isCorrection) return ['item.correct'];
  const fields = changedFields.length > 0 ? changedFields : sentFields;
  const isDeciding = fields.some((field) => decisionFieldNames.includes(field));
  const isAttending = fields.some((field) => attendanceFieldNames.includes(field));
  const isEditing =
    fields.length === 0 ||
    fields.some(
      (field) => !decisionFieldNames.includes(field) && !attendanceFieldNames.includes(field),
    );
  const actions: PolicyAction[] = [];
  if (isEditing) actions.push('agenda.edit');
  if (isDeciding) actions.push('decision.enter');
  if (isAttending) actions.push('attendance.record');
  return actions;
}
