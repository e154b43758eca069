import type { Attachment } from '../../api/types.ts';
import { formatFileSize } from '../../lib/format.ts';
import { notPublicLabel } from './attachment-status.ts';
import './attachments.css';

/**
 * An item's Bilag in order: a link to each file with its size, or only the title for an
 * imported Bilag without a file or one this reader may not open. A Bilag marked not public
 * says so. The same list on the item page and in meeting mode.
 */
export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  const hasClosedToReader = attachments.some(
    (attachment) => !attachment.isPublic && !attachment.url,
  );
  return (
    <>
      <ol className="attachment-list">
        {attachments.map((attachment) => (
          <li key={attachment.id}>
            <AttachmentName attachment={attachment} />
            {attachment.url && attachment.size ? (
              <span className="muted"> ({formatFileSize(attachment.size)})</span>
            ) : null}
          </li>
        ))}
      </ol>
      {hasClosedToReader ? (
        <p className="hint">Bilag, der ikke er offentlige, kan kun åbnes af forummets medlemmer.</p>
      ) : null}
    </>
  );
}

/**
 * A Bilag's title, as a link to its file when this reader may open it, and "Ikke offentligt"
 * after it when the public sees only the title.
 */
export function AttachmentName({ attachment }: { attachment: Attachment }) {
  return (
    <>
      {attachment.url ? <a href={attachment.url}>{attachment.title}</a> : attachment.title}
      {attachment.isPublic ? null : (
        <>
          {' '}
          <span className="attachment-badge">{notPublicLabel}</span>
        </>
      )}
    </>
  );
}
