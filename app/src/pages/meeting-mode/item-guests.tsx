import { useState } from 'react';
import { messageOf } from '../../api/client.ts';
import type { EditableItem, ItemGuest } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { guestLabel } from '../item/guest-label.ts';
import { GuestList } from '../item/guest-list.tsx';
import { saveItemChange } from './save-item-change.ts';

/**
 * Gæster og oplægsholdere at one item in meeting mode: a guest added or removed is saved on
 * the item at once, and the status says so; only the list when attendance may not be
 * recorded (before the draft or after the approval).
 */
export function ItemGuests({
  item,
  canEdit,
  onSaved,
}: {
  item: EditableItem;
  canEdit: boolean;
  onSaved: (item: EditableItem) => void;
}) {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const save = async (
    changeList: (guests: readonly ItemGuest[]) => ItemGuest[],
    done: string,
  ): Promise<boolean> => {
    setIsBusy(true);
    setError(null);
    setStatus('Gemmer …');
    try {
      onSaved(await saveItemChange(item, (current) => ({ guests: changeList(current.guests) })));
      setStatus(done);
      return true;
    } catch (caught) {
      setError(messageOf(caught));
      setStatus('');
      return false;
    } finally {
      setIsBusy(false);
    }
  };

  if (!canEdit && item.guests.length === 0) return null;
  return (
    <div className="item-guests">
      <GuestList
        guests={item.guests}
        itemNumber={item.number}
        disabled={!canEdit}
        isBusy={isBusy}
        onAdd={(guest) =>
          save((guests) => [...guests, guest], `${guestLabel(guest)} er tilføjet og gemt.`)
        }
        onRemove={(index) => {
          const removed = item.guests[index];
          if (!removed) return;
          // By name and role, not place: the stored list may have changed meanwhile.
          void save(
            (guests) => withoutGuest(guests, removed),
            `${guestLabel(removed)} er fjernet.`,
          );
        }}
      />
      <p role="status" className="inline-status">
        {status}
      </p>
      <ErrorAlert message={error} />
    </div>
  );
}

function withoutGuest(guests: readonly ItemGuest[], removed: ItemGuest): ItemGuest[] {
  const index = guests.findIndex(
    (guest) => guest.name === removed.name && (guest.role ?? null) === (removed.role ?? null),
  );
  return index < 0 ? [...guests] : guests.filter((_, position) => position !== index);
}
