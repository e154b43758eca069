import { documentKindFor } from '../../../../src/core/meeting-lifecycle.ts';
import { documentLinks } from '../../api/meetings.ts';
import type { Workspace } from '../../api/types.ts';

/** Links to the agenda, and to the minutes once they are out, as PDF and Word. */
export function DocumentLinks({ workspace }: { workspace: Workspace }) {
  const kinds: Array<['agenda' | 'minutes', string]> =
    documentKindFor(workspace.status) === 'minutes'
      ? [
          ['minutes', 'referatet'],
          ['agenda', 'dagsordenen'],
        ]
      : [['agenda', 'dagsordenen']];
  return (
    <ul className="document-links">
      {kinds.flatMap(([kind, name]) => [
        <li key={`${kind}-pdf`}>
          <a href={documentLinks.pdf(workspace.id, kind)}>Hent {name} som PDF</a>
        </li>,
        <li key={`${kind}-docx`}>
          <a href={documentLinks.docx(workspace.id, kind)}>Hent {name} som Word</a>
        </li>,
      ])}
    </ul>
  );
}
