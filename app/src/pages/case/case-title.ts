import type { CaseEntry } from '../../api/types.ts';

/**
 * A case's title: the title of its latest item, or null for an empty timeline. The server
 * sends only the entries this reader may see, oldest first, so the title is the latest one the
 * reader may see: a closed item they may not read never names the case.
 */
export function caseTitleOf(entries: readonly Pick<CaseEntry, 'title'>[]): string | null {
  return entries.at(-1)?.title ?? null;
}
