import { type ChangeEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { deleteAttachment, uploadAttachment } from '../../api/items.ts';
import type { Attachment } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Notice } from '../../components/notice.tsx';
import { formatFileSize } from '../../lib/format.ts';

const largestFileBytes = 25 * 1024 * 1024;
const acceptedExtensions = ['.pdf', '.docx', '.xlsx'];

/** Bilag: the item's files, an upload field (PDF, Word, Excel, 25 MB) and removal. */
export function AttachmentsEditor({
  itemId,
  attachments,
  canEdit,
  onChanged,
}: {
  itemId: number;
  attachments: readonly Attachment[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

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

  return (
    <fieldset className="attachments">
      <legend>Bilag</legend>
      {attachments.length === 0 ? <p className="muted">Ingen bilag.</p> : null}
      <ol className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            {attachment.url ? <a href={attachment.url}>{attachment.title}</a> : attachment.title}{' '}
            <span className="muted">
              {attachment.fileName
                ? `(${attachment.fileName}${attachment.size ? `, ${formatFileSize(attachment.size)}` : ''})`
                : '(kun titel, ingen fil)'}
            </span>
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
