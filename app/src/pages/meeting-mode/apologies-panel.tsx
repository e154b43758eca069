import type { Workspace } from '../../api/types.ts';
import { isApologiesTime, membersWithApologies } from './absence-state.ts';
import { MeetingAbsences } from './meeting-absences.tsx';
import { memberLabel } from './member-label.ts';

/**
 * "Afbud" on the meeting page, before the meeting starts: the secretary ticks the members who
 * have sent apologies, and they are recorded as absent from the whole meeting (the same
 * absences meeting mode shows, already ticked when the meeting starts). Nothing once the
 * meeting is under way, or for those who may not record attendance.
 */
export function ApologiesPanel({
  workspace,
  onChanged,
}: {
  workspace: Workspace;
  onChanged: (workspace: Workspace) => void;
}) {
  if (!isApologiesTime(workspace)) return null;
  const apologies = membersWithApologies(workspace);
  return (
    <section aria-labelledby="afbud" className="panel apologies-panel">
      <h2 id="afbud">Afbud</h2>
      <p className="hint">
        Sæt hak ved de medlemmer, der har meldt afbud. De står som fraværende på hele mødet og er
        allerede markeret, når mødet starter.
      </p>
      <MeetingAbsences
        workspace={workspace}
        disabled={false}
        onChanged={onChanged}
        legend="Medlemmer, der har meldt afbud"
      />
      <p role="status" className="apologies-summary">
        {apologies.length === 0
          ? 'Ingen har meldt afbud.'
          : `Afbud fra ${apologies.map(memberLabel).join(', ')}.`}
      </p>
    </section>
  );
}
