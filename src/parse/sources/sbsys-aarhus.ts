import { readSbsysPublication } from './sbsys-reading.ts';
import { xmlRootTag } from './source-sniff.ts';
import type { SourceAdapter, SourceSniff } from './source-types.ts';

/**
 * SBSYS, Aarhus variant: the Publication XML with a `TimeStamp` on the root, the publication
 * type inside each `Agenda`, and hierarchical item numbers "1", "1.1" … "3". The Meeting model
 * numbers items with integers, so the items (top-level and sub-items alike, each a real item
 * with its own title) are numbered 1, 2, 3 … in document order and each keeps its original
 * number ("1.1") as `sourceNumber` in its source metadata; the import summary shows that number.
 */
export const sbsysAarhusAdapter: SourceAdapter = {
  id: 'sbsys-aarhus',
  label: 'SBSYS (Aarhus)',
  detect: isAarhusPublication,
  read: (path) => readSbsysPublication(path, 'sbsys-aarhus'),
};

/** A Publication whose root has a TimeStamp, or whose Agenda holds the publication type. */
export function isAarhusPublication(sniff: SourceSniff): boolean {
  const root = xmlRootTag(sniff.head);
  if (root?.name !== 'Publication') return false;
  return (
    /\bTimeStamp\s*=/u.test(root.tag) ||
    /<Agenda\b[^>]*>\s*<PublicationTypeAsValue>/u.test(sniff.head) ||
    /<Number>\s*\d+\.\d+\s*<\/Number>/u.test(sniff.head)
  );
}
