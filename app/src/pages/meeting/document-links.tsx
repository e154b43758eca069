import type { Workspace } from '../../api/types.ts';
import { documentLinkEntries } from './document-link-entries.ts';

/**
 * Links to the combined PDF with Bilag, the agenda, and the minutes once they are out, as PDF
 * and Word. Each link downloads its file (`download`), so it never replaces the app, even
 * where the server offers the file to be shown in place.
 */
export function DocumentLinks({ workspace }: { workspace: Workspace }) {
  return (
    <ul className="document-links">
      {documentLinkEntries(workspace).map((entry) => (
        <li key={entry.key}>
          <a href={entry.href} download>
            {entry.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
