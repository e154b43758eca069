import { isAarhusPublication } from './sbsys-aarhus.ts';
import { readSbsysPublication } from './sbsys-reading.ts';
import { xmlRootTag } from './source-sniff.ts';
import type { SourceAdapter } from './source-types.ts';

/**
 * SBSYS "eDagsorden" Publication XML (`/Publication` with `PublicationTypeAsValue` at the root:
 * 1 final agenda, 2 minutes). Sections are `ItemField`s whose HTML uses named entities; the
 * Bilag are `Enclosures/Enclosure` files beside the XML (`Enclosures\1.pdf`).
 */
export const sbsysPublicationAdapter: SourceAdapter = {
  id: 'sbsys',
  label: 'SBSYS eDagsorden',
  detect: (sniff) => xmlRootTag(sniff.head)?.name === 'Publication' && !isAarhusPublication(sniff),
  read: (path) => readSbsysPublication(path, 'sbsys'),
};
