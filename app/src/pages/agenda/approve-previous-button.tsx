import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { approvePreviousMinutes } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDanishDate } from '../../lib/format.ts';
import { canApprovePreviousNow } from '../meeting/meeting-permissions.ts';

/**
 * "Godkend referatet fra forrige møde", shown at item 1 while the previous minutes wait, to
 * those the server lets approve them.
 */
export function ApprovePreviousButton({
  workspace,
  onApproved,
}: {
  workspace: Workspace;
  onApproved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const previous = workspace.previousMeeting;
  if (!previous || !canApprovePreviousNow(workspace)) return null;

  const approve = async (): Promise<void> => {
    setIsSaving(true);
    setError(null);
    try {
      await approvePreviousMinutes(workspace.id);
      onApproved();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="approve-previous">
      <button type="button" className="button-secondary" disabled={isSaving} onClick={approve}>
        Godkend referatet fra forrige møde
      </button>
      <span className="muted"> (mødet {formatDanishDate(previous.date)})</span>
      <ErrorAlert message={error} />
    </div>
  );
}
