import type { Attachment } from '../../api/types.ts';
import { formatFileSize } from '../../lib/format.ts';

/**
 * An item's Bilag in order: a link to each file with its size, or only the title for an
 * imported Bilag without a file. The same list on the item page and in meeting mode.
 */
export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  return (
    <ol className="attachment-list">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.url ? <a href={attachment.url}>{attachment.title}</a> : attachment.title}
          {attachment.size ? (
            <span className="muted"> ({formatFileSize(attachment.size)})</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
