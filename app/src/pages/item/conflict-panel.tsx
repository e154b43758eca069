import { useEffect, useRef } from 'react';
import type { EditableItem } from '../../api/types.ts';
import {
  changesBetween,
  describeField,
  draftFromItem,
  type EditableField,
  editableFields,
  fieldLabels,
  type ItemDraft,
} from './item-draft.ts';

/**
 * Shown when someone saved the item first (409): the fields the user changed, with the user's
 * version beside the stored one, what else the other person changed, and the choice between
 * "Behold mine" (send the user's changes again on the stored version) and "Brug den gemte".
 */
export function ConflictPanel({
  mine,
  base,
  current,
  isBusy,
  onKeepMine,
  onUseStored,
}: {
  mine: ItemDraft;
  base: EditableItem;
  current: EditableItem;
  isBusy: boolean;
  onKeepMine: () => void;
  onUseStored: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const stored = draftFromItem(current);
  const myChanges = changesBetween(mine, base);
  const differingFromStored = changesBetween(mine, current);
  const differing = editableFields.filter(
    (field): field is EditableField => field in myChanges && field in differingFromStored,
  );
  const theirChanges = changesBetween(draftFromItem(base), current);
  const otherFields = editableFields.filter(
    (field) => field in theirChanges && !(field in myChanges),
  );
  return (
    <section className="conflict" aria-labelledby="konflikt-overskrift">
      <h2 id="konflikt-overskrift" ref={heading} tabIndex={-1}>
        Punktet er gemt af en anden, mens du skrev
      </h2>
      <p role="alert">Vælg, hvilken version der skal gælde. Din version er ikke gemt endnu.</p>
      <div className="table-scroll">
        <table className="conflict-table">
          <thead>
            <tr>
              <th scope="col">Felt</th>
              <th scope="col">Din version</th>
              <th scope="col">Den gemte version</th>
            </tr>
          </thead>
          <tbody>
            {differing.map((field) => (
              <tr key={field}>
                <th scope="row">{fieldLabels[field]}</th>
                <td className="preserve-lines">{describeField(field, mine)}</td>
                <td className="preserve-lines">{describeField(field, stored)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {differing.length === 0 ? <p>Dine ændringer står allerede i den gemte version.</p> : null}
      {otherFields.length > 0 ? (
        <p>
          Også ændret i den gemte version, og beholdt uanset dit valg:{' '}
          {otherFields.map((field) => fieldLabels[field]).join(', ')}.
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={isBusy} onClick={onKeepMine}>
          Behold mine
        </button>
        <button type="button" className="button-secondary" disabled={isBusy} onClick={onUseStored}>
          Brug den gemte
        </button>
      </div>
    </section>
  );
}
