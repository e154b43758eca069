import { body, membership, organization, person } from './oparl-body-collections.ts';
import { type OparlReader, readerOf } from './oparl-collection.ts';
import {
  agendaItem,
  consultation,
  file,
  location,
  meeting,
  paper,
} from './oparl-meeting-collections.ts';
import type { OparlCollectionName } from './oparl-urls.ts';

/** Every collection by the name its URLs use. */
export const oparlCollections: Record<OparlCollectionName, OparlReader> = {
  body: readerOf(body),
  organization: readerOf(organization),
  person: readerOf(person),
  membership: readerOf(membership),
  meeting: readerOf(meeting),
  agendaItem: readerOf(agendaItem),
  consultation: readerOf(consultation),
  paper: readerOf(paper),
  file: readerOf(file),
  location: readerOf(location),
};
