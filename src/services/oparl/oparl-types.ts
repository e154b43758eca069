/**
 * The OParl 1.1 objects Referat serves, as TypeScript types: only the properties it fills,
 * plus its own under the vendor prefix `referat:` (docs/oparl.md), which the official schemas
 * allow since they do not forbid additional properties. They are type aliases rather than
 * interfaces so that they pass as plain JSON objects (the routes' response schemas).
 */

/** The OParl version this interface speaks. */
export const oparlVersion = 'https://schema.oparl.org/1.1/';

/** The OParl object types Referat serves. */
export type OparlTypeName =
  | 'System'
  | 'Body'
  | 'Organization'
  | 'Person'
  | 'Membership'
  | 'Meeting'
  | 'AgendaItem'
  | 'Consultation'
  | 'Paper'
  | 'File'
  | 'Location';

/** The namespace URL of a type, the value of every object's `type`. */
export function oparlType(name: OparlTypeName): string {
  return `https://schema.oparl.org/1.1/${name}`;
}

/** What every object has: its URL, its type and, since OParl 1.1, its stamps. */
export type OparlObject = {
  id: string;
  type: string;
  created: string;
  modified: string;
};

/** The entry point. */
export type OparlSystem = OparlObject & {
  oparlVersion: string;
  body: string;
  name: string;
  website: string;
};

/** The municipality. */
export type OparlBody = OparlObject & {
  system: string;
  name: string;
  shortName: string;
  website: string;
  classification: string;
  organization: string;
  person: string;
  meeting: string;
  paper: string;
  agendaItem: string;
  consultation: string;
  file: string;
  locationList: string;
  membership: string;
  legislativeTerm: [];
  web: string;
  'referat:municipalityCode': string;
};

/** A forum. */
export type OparlOrganization = OparlObject & {
  body: string;
  name: string;
  shortName?: string;
  organizationType: string;
  membership?: string[];
  meeting: string;
};

/** A forum's member. */
export type OparlMembership = OparlObject & {
  person?: string;
  organization: string;
  role?: string;
};

/** A member of one or more forums the reader may see; never more than the name. */
export type OparlPerson = OparlObject & {
  body: string;
  name: string;
  membership?: OparlMembership[];
};

/** A meeting's room or place, as the meeting names it. */
export type OparlLocation = OparlObject & {
  description: string;
  meetings?: string[];
};

/** A document of a meeting (agenda or minutes PDF) or a stored Bilag. */
export type OparlFile = OparlObject & {
  name: string;
  fileName?: string;
  mimeType?: string;
  size?: number;
  accessUrl: string;
  downloadUrl?: string;
  meeting?: string[];
  agendaItem?: string[];
  paper?: string[];
};

/** An absent member or a guest, with the role written beside the name. */
export interface OparlNamedRole {
  name: string;
  role: string | null;
}

/** A Bilag as the item lists it: its title, and its File when the bytes are stored here. */
export interface OparlAttachmentEntry {
  title: string;
  file?: string;
}

/** An agenda item; for a closed item without rights only number, order and "Lukket punkt". */
export type OparlAgendaItem = OparlObject & {
  meeting?: string;
  number: string;
  order: number;
  name: string;
  public: boolean;
  consultation?: string;
  resolutionText?: string;
  auxiliaryFile?: OparlFile[];
  start?: string;
  end?: string;
  'referat:caseNumber'?: string;
  'referat:purpose'?: string;
  'referat:durationMinutes'?: number;
  'referat:background'?: string;
  'referat:presentation'?: string;
  'referat:recommendation'?: { proposer: string; points: string[] };
  'referat:absent'?: OparlNamedRole[];
  'referat:guests'?: OparlNamedRole[];
  'referat:communication'?: string;
  'referat:attachments'?: OparlAttachmentEntry[];
};

/** A meeting. */
export type OparlMeeting = OparlObject & {
  name: string;
  meetingState: string;
  cancelled?: boolean;
  start?: string;
  end?: string;
  location?: OparlLocation;
  organization: string[];
  invitation?: OparlFile;
  resultsProtocol?: OparlFile;
  agendaItem?: OparlAgendaItem[];
  web: string;
  'referat:date': string;
  'referat:status': string;
  'referat:archived': boolean;
};

/** An item's handling of a case: the link between a Paper and an AgendaItem. */
export type OparlConsultation = OparlObject & {
  paper?: string;
  agendaItem: string;
  meeting: string;
  organization: string[];
  role?: string;
};

/** A case (sag), identified by its journal number. */
export type OparlPaper = OparlObject & {
  body: string;
  name: string;
  reference: string;
  date: string;
  paperType: string;
  underDirectionOf: string[];
  consultation?: OparlConsultation[];
  'referat:kle'?: {
    subject: string | null;
    facet: string | null;
    sequence: number | null;
    year: number | null;
  };
};

/** Any object this interface serves. */
export type AnyOparlObject =
  | OparlSystem
  | OparlBody
  | OparlOrganization
  | OparlPerson
  | OparlMembership
  | OparlMeeting
  | OparlAgendaItem
  | OparlConsultation
  | OparlPaper
  | OparlFile
  | OparlLocation;
