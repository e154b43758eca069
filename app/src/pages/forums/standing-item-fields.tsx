import { useState } from 'react';
import { type FormProblem, problemFor } from '../../components/error-summary.tsx';
import { TextField } from '../../components/text-field.tsx';
import {
  addStandingItem,
  changeStandingItem,
  moveRow,
  type PracticeDraft,
  type PracticeFieldIds,
  practiceLimits,
  removeStandingItem,
  type StandingItemRow,
} from './forum-practice-draft.ts';
import { buttonAfterMove, MoveButtons } from './move-buttons.tsx';
import { useFocusAfterRender } from './use-focus-after-render.ts';

/**
 * "Faste punkter": the items every new agenda of the forum gets between item 1 and "Evt.",
 * each with a title, a default time and optionally one of the forum's purposes (Chefforum's
 * "Aktuelle og pludseligt opståede emner", 30 minutes). In the order they will have.
 */
export function StandingItemFields({
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
  const count = draft.standingItems.length;
  const moveIds = (key: number) => ({
    upId: `${ids.standingTitle(key)}-up`,
    downId: `${ids.standingTitle(key)}-down`,
  });

  const add = (): void => {
    focusAfterRender(ids.standingTitle(draft.nextKey));
    onChange(addStandingItem(draft));
  };

  const remove = (index: number, item: StandingItemRow, name: string): void => {
    const changed = removeStandingItem(draft, item.key);
    onChange(changed);
    const next = changed.standingItems[index] ?? changed.standingItems[index - 1];
    focusAfterRender(next ? ids.standingTitle(next.key) : ids.addStandingItem);
    setStatus(`${name} er fjernet.`);
  };

  const move = (index: number, item: StandingItemRow, name: string, offset: -1 | 1): void => {
    onChange({ ...draft, standingItems: moveRow(draft.standingItems, index, offset) });
    focusAfterRender(buttonAfterMove(moveIds(item.key), offset, index + offset, count));
    setStatus(`${name} er flyttet til plads ${index + offset + 1} af ${count}.`);
  };

  return (
    <fieldset className="practice-fields">
      <legend>Faste punkter</legend>
      <p className="hint">
        Sættes på hver ny dagsorden mellem punkt 1 og "Evt." med den tid og det formål, de har her.
      </p>
      {count === 0 ? <p className="muted">Ingen faste punkter ud over punkt 1 og Evt.</p> : null}
      <ol className="member-rows">
        {draft.standingItems.map((item, index) => {
          const number = index + 1;
          const title = item.title.trim();
          const name = title ? `"${title}"` : `Fast punkt ${number}`;
          return (
            <li key={item.key} className="member-row standing-item-row">
              <TextField
                id={ids.standingTitle(item.key)}
                label={`Titel, fast punkt ${number}`}
                value={item.title}
                error={problemFor(problems, ids.standingTitle(item.key))}
                onChange={(value) =>
                  onChange(changeStandingItem(draft, item.key, { title: value }))
                }
              />
              <MinutesField
                id={ids.standingMinutes(item.key)}
                label={`Tid i minutter, fast punkt ${number}`}
                value={item.minutes}
                error={problemFor(problems, ids.standingMinutes(item.key))}
                onChange={(minutes) => onChange(changeStandingItem(draft, item.key, { minutes }))}
              />
              <div className="field">
                <label htmlFor={ids.standingPurpose(item.key)}>Formål, fast punkt {number}</label>
                <select
                  id={ids.standingPurpose(item.key)}
                  value={item.purposeKey === null ? '' : String(item.purposeKey)}
                  onChange={(event) =>
                    onChange(
                      changeStandingItem(draft, item.key, {
                        purposeKey: event.target.value ? Number(event.target.value) : null,
                      }),
                    )
                  }
                >
                  <option value="">Ikke valgt</option>
                  {draft.purposes.map((purpose, position) => (
                    <option key={purpose.key} value={purpose.key}>
                      {purpose.name.trim() || `Formål ${position + 1} (uden navn)`}
                    </option>
                  ))}
                </select>
              </div>
              <MoveButtons
                {...moveIds(item.key)}
                rowName={`det faste punkt ${title || number}`}
                canMoveUp={index > 0}
                canMoveDown={index < count - 1}
                onMove={(offset) => move(index, item, name, offset)}
              />
              <button
                type="button"
                className="button-quiet"
                aria-label={`Fjern det faste punkt ${title || number}`}
                onClick={() => remove(index, item, name)}
              >
                Fjern
              </button>
            </li>
          );
        })}
      </ol>
      <button id={ids.addStandingItem} type="button" className="button-secondary" onClick={add}>
        Tilføj fast punkt
      </button>
      <p role="status" className="hint practice-status">
        {status}
      </p>
    </fieldset>
  );
}

/** A standing item's default time: whole minutes in steps of five, as on the agenda. */
function MinutesField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{label}</label>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Fejl: </span>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={practiceLimits.minMinutes}
        max={practiceLimits.maxMinutes}
        step={5}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
