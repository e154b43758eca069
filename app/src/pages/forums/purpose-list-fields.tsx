import { useState } from 'react';
import { type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import {
  addPurpose,
  moveRow,
  type PracticeDraft,
  type PracticeFieldIds,
  removePurpose,
  renamePurpose,
} from './forum-practice-draft.ts';
import { buttonAfterMove, MoveButtons } from './move-buttons.tsx';
import { useFocusAfterRender } from './use-focus-after-render.ts';

/**
 * "Formål": the forum's purposes in its own words (Chefforum's "Afdække", "Debattere"), which
 * its items choose from. The secretary adds, renames, removes and orders them; the order is
 * the order of the purpose select.
 */
export function PurposeListFields({
  draft,
  ids,
  problems,
  onChange,
}: {
  draft: PracticeDraft;
  ids: PracticeFieldIds;
  problems: readonly FormProblem[];
  onChange: (draft: PracticeDraft) => void;
}) {
  const [status, setStatus] = useState('');
  const focusAfterRender = useFocusAfterRender();
  const count = draft.purposes.length;
  const moveIds = (key: number) => ({
    upId: `${ids.purpose(key)}-up`,
    downId: `${ids.purpose(key)}-down`,
  });

  const add = (): void => {
    focusAfterRender(ids.purpose(draft.nextKey));
    onChange(addPurpose(draft));
  };

  const remove = (index: number, key: number, name: string): void => {
    const { draft: changed, clearedTitles } = removePurpose(draft, key);
    onChange(changed);
    // The row that takes the removed one's place, else the one before, else "Tilføj formål".
    const next = changed.purposes[index] ?? changed.purposes[index - 1];
    focusAfterRender(next ? ids.purpose(next.key) : ids.addPurpose);
    setStatus(
      [
        `${name} er fjernet.`,
        ...clearedTitles.map((title) => `Det faste punkt "${title}" har nu intet formål.`),
      ].join(' '),
    );
  };

  const move = (index: number, key: number, name: string, offset: -1 | 1): void => {
    onChange({ ...draft, purposes: moveRow(draft.purposes, index, offset) });
    focusAfterRender(buttonAfterMove(moveIds(key), offset, index + offset, count));
    setStatus(`${name} er flyttet til plads ${index + offset + 1} af ${count}.`);
  };

  return (
    <fieldset className="practice-fields">
      <legend>Formål</legend>
      <p className="hint">
        Hvad et punkt er på dagsordenen for. Punkterne vælger blandt forummets formål, og formålet
        står på dagsordenen og i dokumenterne.
      </p>
      <ol className="member-rows">
        {draft.purposes.map((row, index) => {
          const name = row.name.trim() ? `"${row.name.trim()}"` : `Formål ${index + 1}`;
          return (
            <li key={row.key} className="member-row">
              <TextField
                id={ids.purpose(row.key)}
                label={`Formål ${index + 1}`}
                value={row.name}
                error={problemFor(problems, ids.purpose(row.key))}
                onChange={(value) => onChange(renamePurpose(draft, row.key, value))}
              />
              <MoveButtons
                {...moveIds(row.key)}
                rowName={`formålet ${row.name.trim() || index + 1}`}
                canMoveUp={index > 0}
                canMoveDown={index < count - 1}
                onMove={(offset) => move(index, row.key, name, offset)}
              />
              <button
                type="button"
                className="button-quiet"
                aria-label={`Fjern formålet ${row.name.trim() || index + 1}`}
                onClick={() => remove(index, row.key, name)}
              >
                Fjern
              </button>
            </li>
          );
        })}
      </ol>
      <button id={ids.addPurpose} type="button" className="button-secondary" onClick={add}>
        Tilføj formål
      </button>
      <p role="status" className="hint practice-status">
        {status}
      </p>
    </fieldset>
  );
}
