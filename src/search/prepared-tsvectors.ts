import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../store/database-schema.ts';
import type { ItemText } from './indexable-items.ts';
import { buildTsvectorEntries, type TsvectorEntry } from './postgres-text-search.ts';
import { withSearchTables } from './search-schema.ts';
import { tsvectorsInBackground } from './stem-pool.ts';
import { addToVocabulary } from './vocabulary.ts';

/**
 * Tsvector entries built ahead of a write, in the stem worker, kept with the exact text they
 * were built from. An import prepares a meeting's texts while the meetings before it are
 * stored; indexing in the meeting's transaction then takes the entries instead of stemming on
 * the main thread. An entry is a pure function of its text, so an entry whose text is equal is
 * always right, and a text not found (another writer, an evicted entry, a failed worker) is
 * simply built in place.
 *
 * Preparing also adds the texts' new stems to the vocabulary, each statement committing alone:
 * the vocabulary may hold stems no item has (see vocabulary.ts), so a write that then fails
 * leaves nothing wrong, and the write's own transaction has no vocabulary left to do.
 */

/** A prepared entry, with the text it was built from. */
interface PreparedEntry {
  text: ItemText;
  entry: TsvectorEntry;
  /** Its stems are in the vocabulary already. */
  isInVocabulary: boolean;
}

/** Entries kept at most: a few meetings ahead of the writes, with a wide margin. */
const maximumEntries = 2000;
const prepared = new Map<string, PreparedEntry[]>();
let preparedCount = 0;

/** A prepared (or just built) entry, and whether its stems still need the vocabulary. */
export interface IndexEntry extends TsvectorEntry {
  isInVocabulary: boolean;
}

/**
 * Builds the texts' entries in the worker thread, adds their new stems to the vocabulary, and
 * keeps the entries. Never rejects: what fails is done again in the write.
 */
export async function prepareTsvectors(
  db: Kysely<DatabaseSchema>,
  texts: readonly ItemText[],
): Promise<void> {
  const built = await tsvectorsInBackground([...texts]);
  const isInVocabulary = await addToVocabulary(withSearchTables(db), [distinctStemsOf(built)]).then(
    () => true,
    () => false,
  );
  for (const [index, entry] of built.entries()) {
    const text = texts[index];
    if (text) remember({ text, entry, isInVocabulary });
  }
}

/** The distinct stems of entries, each once: what the vocabulary is given for them. */
export function distinctStemsOf(entries: readonly TsvectorEntry[]): string[] {
  const stems = new Set<string>();
  for (const entry of entries) for (const stem of entry.distinctStems.split(' ')) stems.add(stem);
  // An item without words has an empty list.
  stems.delete('');
  return [...stems];
}

/** The texts' entries, taken from those prepared where they are, built here where not. */
export function takeTsvectorEntries(texts: readonly ItemText[]): IndexEntry[] {
  const found = texts.map(take);
  const missing = texts.filter((_, index) => found[index] === undefined);
  const built = buildTsvectorEntries(missing);
  let next = 0;
  return found.map(
    (entry) => entry ?? { ...(built[next++] as TsvectorEntry), isInVocabulary: false },
  );
}

function remember(entry: PreparedEntry): void {
  // The oldest go first: they belong to writes that did not come.
  while (preparedCount >= maximumEntries) {
    const oldest = prepared.keys().next();
    if (oldest.done) break;
    preparedCount -= prepared.get(oldest.value)?.length ?? 0;
    prepared.delete(oldest.value);
  }
  const key = textKey(entry.text);
  const list = prepared.get(key);
  if (list) list.push(entry);
  else prepared.set(key, [entry]);
  preparedCount++;
}

function take(text: ItemText): IndexEntry | undefined {
  const key = textKey(text);
  const list = prepared.get(key);
  const index = list?.findIndex((candidate) => isSameText(candidate.text, text)) ?? -1;
  const found = list?.[index];
  if (!list || !found) return undefined;
  list.splice(index, 1);
  preparedCount--;
  if (list.length === 0) prepared.delete(key);
  return { ...found.entry, isInVocabulary: found.isInVocabulary };
}

/** A short key: the title and the lengths. Equal texts are then confirmed field by field. */
function textKey(text: ItemText): string {
  const lengths = text.bodyParts.map((part) => part?.length ?? 0).join(',');
  return `${text.title}\u0000${lengths}\u0000${text.decision?.length ?? 0}`;
}

function isSameText(a: ItemText, b: ItemText): boolean {
  return (
    a.title === b.title &&
    (a.decision ?? null) === (b.decision ?? null) &&
    a.bodyParts.length === b.bodyParts.length &&
    a.bodyParts.every((part, index) => (part ?? null) === (b.bodyParts[index] ?? null))
  );
}
