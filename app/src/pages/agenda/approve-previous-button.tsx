import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { approvePreviousMinutes } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Notice } from '../../components/notice.tsx';
import { formatDanishDate } from '../../lib/format.ts';
import { canApprovePreviousNow } from '../meeting/meeting-permissions.ts';

/**
 * "Godkend referatet fra forrige møde", shown at item 1 while the previous minutes wait, to
 * those the server lets approve them. The result is announced in a status region that stays
 * when the button goes (there is then nothing left to approve), so screen readers read it.
 */
export function ApprovePreviousButton({
  workspace,
  onApproved,
}: {
  workspace: Workspace;
  onApproved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const previous = workspace.previousMeeting;
  if (!previous) return null;
  const isOffered = canApprovePreviousNow(workspace);

  const approve = async (): Promise<void> => {
    setIsSaving(true);
    setError(null);
    try {
      await approvePreviousMinutes(workspace.id);
      setNotice(`Referatet fra mødet d. ${formatDanishDate(previous.date)} er godkendt og låst.`);
      onApproved();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <div className="approve-previous">
      {isOffered ? (
        <>
          <button type="button" className="button-secondary" disabled={isSaving} onClick={approve}>
            Godkend referatet fra forrige møde
          </button>
          <span className="muted"> (mødet {formatDanishDate(previous.date)})</span>
        </>
      ) : null}
      <Notice message={notice} />
      <ErrorAlert message={error} />
    </div>
  );
}
