import { type ChangeEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { deleteAttachment, setAttachmentAccess, uploadAttachment } from '../../api/items.ts';
import type { Attachment } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Notice } from '../../components/notice.tsx';
import { formatFileSize } from '../../lib/format.ts';
import { AttachmentName } from './attachment-links.tsx';
import { accessErrorText, accessSavedText, textStatusText } from './attachment-status.ts';

const largestFileBytes = 25 * 1024 * 1024;
const acceptedExtensions = ['.pdf', '.docx', '.xlsx'];

/**
 * Bilag: the item's files, an upload field (PDF, Word, Excel, 25 MB) and removal while the
 * agenda may be edited, and, for the forum's secretaries in every state, "Offentligt bilag"
 * per Bilag (saved at once) and how far its text has been read for search.
 */
export function AttachmentsEditor({
  itemId,
  attachments,
  canEdit,
  canSetAccess,
  onChanged,
}: {
  itemId: number;
  attachments: readonly Attachment[];
  /** Add and remove Bilag: the agenda may be edited. */
  canEdit: boolean;
  /** Mark Bilag public or not public: the forum's secretaries, in every state. */
  canSetAccess: boolean;
  onChanged: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  // What was clicked or saved, until the reloaded item says the same (or a newer list comes).
  const [accessOf, setAccessOf] = useState<ReadonlyMap<number, boolean>>(new Map());
  const [savingId, setSavingId] = useState<number | null>(null);
  const [listShown, setListShown] = useState(attachments);
  if (listShown !== attachments) {
    setListShown(attachments);
    setAccessOf(new Map());
  }
  const isPublicNow = (attachment: Attachment): boolean =>
    accessOf.get(attachment.id) ?? attachment.isPublic;
  const showsTextStatus = canEdit || canSetAccess;

  const upload = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setError(null);
    setNotice(null);
    setIsBusy(true);
    const errors: string[] = [];
    let uploaded = 0;
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) {
        errors.push(`${file.name}: ${problem}`);
        continue;
      }
      try {
        await uploadAttachment(itemId, file, titleOf(file.name));
        uploaded++;
      } catch (caught) {
        errors.push(`${file.name}: ${messageOf(caught)}`);
      }
    }
    input.value = '';
    setIsBusy(false);
    if (errors.length > 0) setError(errors.join(' '));
    if (uploaded > 0) {
      setNotice(uploaded === 1 ? 'Bilaget er tilføjet.' : `${uploaded} bilag er tilføjet.`);
      onChanged();
    }
  };

  const remove = async (attachment: Attachment): Promise<void> => {
    setError(null);
    setNotice(null);
    try {
      await deleteAttachment(attachment.id);
      setNotice(`${attachment.title} er fjernet.`);
      onChanged();
    } catch (caught) {
      setError(messageOf(caught));
    }
  };

  const changeAccess = async (attachment: Attachment, isPublic: boolean): Promise<void> => {
    const before = isPublicNow(attachment);
    setError(null);
    setNotice(null);
    setSavingId(attachment.id);
    setAccessOf((current) => new Map(current).set(attachment.id, isPublic));
    try {
      const saved = await setAttachmentAccess(attachment.id, { isPublic });
      setAccessOf((current) => new Map(current).set(attachment.id, saved.isPublic));
      setNotice(accessSavedText(attachment.title, saved.isPublic));
      onChanged();
    } catch (caught) {
      setAccessOf((current) => new Map(current).set(attachment.id, before));
      setError(accessErrorText(attachment.title, isPublic, messageOf(caught)));
    } finally {
      setSavingId(null);
    }
  };

  return (
    <fieldset className="attachments">
      <legend>Bilag</legend>
      {attachments.length === 0 ? <p className="muted">Ingen bilag.</p> : null}
      <ol className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <AttachmentName attachment={{ ...attachment, isPublic: isPublicNow(attachment) }} />{' '}
            <span className="muted">
              {attachment.fileName
                ? `(${attachment.fileName}${attachment.size ? `, ${formatFileSize(attachment.size)}` : ''})`
                : '(kun titel, ingen fil)'}
            </span>
            {showsTextStatus ? <TextStatus status={attachment.textStatus} /> : null}
            {canSetAccess || canEdit ? (
              <span className="attachment-actions">
                {canSetAccess ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      aria-label={`Offentligt bilag: ${attachment.title}`}
                      checked={isPublicNow(attachment)}
                      disabled={savingId === attachment.id}
                      onChange={(event) => void changeAccess(attachment, event.target.checked)}
                    />
                    Offentligt bilag
                  </label>
                ) : null}
                {canEdit ? (
                  <button
                    type="button"
                    className="button-quiet"
                    aria-label={`Fjern bilag: ${attachment.title}`}
                    onClick={() => void remove(attachment)}
                  >
                    Fjern
                  </button>
                ) : null}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className="field">
          <label htmlFor={`${id}-file`}>Tilføj bilag</label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".pdf,.docx,.xlsx"
            multiple
            disabled={isBusy}
            aria-describedby={`${id}-hint`}
            onChange={(event) => void upload(event)}
          />
          <p id={`${id}-hint`} className="hint">
            PDF, Word (.docx) eller Excel (.xlsx), højst 25 MB pr. fil.
          </p>
        </div>
      ) : null}
      {isBusy ? <p className="muted">Uploader…</p> : null}
      <ErrorAlert message={error} />
      <Notice message={notice} />
    </fieldset>
  );
}

/** How far the Bilag's text has been read for search; nothing once it is read. */
function TextStatus({ status }: { status: Attachment['textStatus'] }) {
  const text = textStatusText(status);
  if (!text) return null;
  return (
    <>
      {' '}
      <span className="attachment-text-status">{text}</span>
    </>
  );
}

function fileProblem(file: File): string | null {
  if (file.size > largestFileBytes) return 'Filen er for stor. Den må højst fylde 25 MB.';
  const name = file.name.toLowerCase();
  if (!acceptedExtensions.some((extension) => name.endsWith(extension)))
    return 'Filtypen understøttes ikke. Brug PDF, Word (.docx) eller Excel (.xlsx).';
  return null;
}

function titleOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/u, '') || fileName;
}
