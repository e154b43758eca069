import { documentKindFor } from '../../../../src/core/meeting-lifecycle.ts';
import { documentLinks } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';

/** Links to the agenda or the minutes (whichever the state gives) as PDF and Word. */
export function DocumentLinks({ workspace }: { workspace: Workspace }) {
  const name = documentKindFor(workspace.status) === 'minutes' ? 'referatet' : 'dagsordenen';
  return (
    <ul className="document-links">
      <li>
        <a href={documentLinks.pdf(workspace.id)}>Hent {name} som PDF</a>
      </li>
      <li>
        <a href={documentLinks.docx(workspace.id)}>Hent {name} som Word</a>
      </li>
    </ul>
  );
}
