import { ApiError } from '../../api/client.ts';
import { itemConflictOf, patchItem } from '../../api/items.ts';
import type { EditableItem, ItemChanges } from '../../api/types.ts';
import { decisionAutosaver } from '../../lib/decision-autosave.ts';

/**
 * Saves one change to an item from meeting mode, where the decision autosave writes the same
 * item meanwhile: on the latest version the page knows, and when someone (often that autosave)
 * saved first, once more on the stored version with the change applied to the stored item,
 * so that neither write undoes the other. The autosave learns the new version.
 */
export async function saveItemChange(
  item: EditableItem,
  changesFor: (current: EditableItem) => ItemChanges,
): Promise<EditableItem> {
  const version = decisionAutosaver.versionOf(item.id) ?? item.version;
  let saved: EditableItem;
  try {
    saved = await patchItem(item.id, version, changesFor(item));
  } catch (caught) {
    const stored =
      caught instanceof ApiError && caught.status === 409 ? itemConflictOf(caught.body) : null;
    if (!stored) throw caught;
    saved = await patchItem(item.id, stored.current.version, changesFor(stored.current));
  }
  decisionAutosaver.track(saved);
  return saved;
}
