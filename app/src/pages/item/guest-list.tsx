import { type KeyboardEvent, useId, useState } from 'react';
import type { ItemGuest } from '../../api/types.ts';
import { guestLabel } from './guest-label.ts';
import './guest-list.css';

/** The most guests an item may have, as the server allows. */
const mostGuests = 50;

/**
 * "Gæster og oplægsholdere": the item's guests, each with a "Fjern" button, and a name and an
 * optional role ("oplægsholder") to add one; only the list when `disabled`. It keeps no list
 * of its own: the item editor puts a change in its draft, meeting mode saves it at once.
 * `onAdd` answers whether the guest was taken, so that a failed save keeps what was typed.
 */
export function GuestList({
  guests,
  itemNumber,
  disabled,
  isBusy = false,
  onAdd,
  onRemove,
}: {
  guests: readonly ItemGuest[];
  /** Names the item in the fields' labels, where a page shows several items. */
  itemNumber?: number;
  disabled: boolean;
  isBusy?: boolean;
  onAdd: (guest: ItemGuest) => boolean | Promise<boolean>;
  onRemove: (index: number) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const forItem =
    itemNumber === undefined ? null : (
      <span className="visually-hidden"> ved punkt {itemNumber}</span>
    );

  const add = async (): Promise<void> => {
    const guest: ItemGuest = { name: name.trim(), role: role.trim() || null };
    if (!guest.name) {
      setProblem('Skriv gæstens navn.');
      return;
    }
    if (guests.some((other) => other.name === guest.name && other.role === guest.role)) {
      setProblem(`${guestLabel(guest)} står der allerede.`);
      return;
    }
    setProblem(null);
    if (!(await onAdd(guest))) return;
    setName('');
    setRole('');
    document.getElementById(`${id}-name`)?.focus();
  };
  // Enter adds the guest; inside the item editor it would otherwise save the whole item.
  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void add();
  };
  const isFull = guests.length >= mostGuests;

  return (
    <fieldset className="guest-list">
      <legend>
        Gæster og oplægsholdere{forItem}
        {guests.length > 0 ? ` (${guests.length})` : ''}
      </legend>
      {guests.length === 0 ? (
        <p className="muted">Ingen gæster eller oplægsholdere.</p>
      ) : (
        <ul className="guest-rows">
          {guests.map((guest, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored list may name a guest twice
            <li key={`${index}|${guest.name}`}>
              <span>{guestLabel(guest)}</span>
              {disabled ? null : (
                <button
                  type="button"
                  className="button-quiet"
                  disabled={isBusy}
                  onClick={() => onRemove(index)}
                >
                  Fjern<span className="visually-hidden"> {guestLabel(guest)}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {disabled ? null : (
        <div className="guest-add">
          <div className="field">
            <label htmlFor={`${id}-name`}>
              Navn<span className="visually-hidden"> på gæst</span>
              {forItem}
            </label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={200}
              autoComplete="off"
              disabled={isFull}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={addOnEnter}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-role`}>
              Rolle<span className="visually-hidden"> for gæst</span>
              {forItem} (valgfri)
            </label>
            <input
              id={`${id}-role`}
              value={role}
              maxLength={200}
              list={`${id}-roles`}
              placeholder="fx oplægsholder"
              autoComplete="off"
              disabled={isFull}
              onChange={(e) => setRole(e.target.value)}
              onKeyDown={addOnEnter}
            />
            <datalist id={`${id}-roles`}>
              <option value="oplægsholder" />
              <option value="gæst" />
            </datalist>
          </div>
          <button
            type="button"
            className="button-secondary"
            disabled={isBusy || isFull}
            onClick={() => void add()}
          >
            Tilføj gæst{forItem}
          </button>
          {problem ? (
            <p id={`${id}-problem`} role="alert" className="hint hint-warning">
              {problem}
            </p>
          ) : null}
          {isFull ? <p className="hint">Et punkt kan højst have {mostGuests} gæster.</p> : null}
        </div>
      )}
    </fieldset>
  );
}
