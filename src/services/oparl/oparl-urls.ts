/**
 * Where every OParl object and list lives. Object URLs are the objects' ids (OParl requires
 * the id to be the URL it is fetched at), so they are built in this one place from the
 * server's public origin and stable keys: database ids, "agenda-12" for a meeting's document,
 * "3-7" for a forum's member, a hash for a place.
 */

/** The path every OParl URL starts with. */
export const oparlBasePath = '/oparl/v1.1';

/** The object types served at their own URL, as the last path segment before the key. */
export type OparlCollectionName =
  | 'body'
  | 'organization'
  | 'person'
  | 'membership'
  | 'meeting'
  | 'agendaItem'
  | 'consultation'
  | 'paper'
  | 'file'
  | 'location';

/** Every collection, in the order the Body lists them. */
export const oparlCollectionNames: readonly OparlCollectionName[] = [
  'body',
  'organization',
  'person',
  'membership',
  'meeting',
  'agendaItem',
  'consultation',
  'paper',
  'file',
  'location',
];

/** The key of the one Body (the municipality). */
export const bodyKey = '1';

/** The URLs of one server, from its origin ("https://referat.albertslund.dk"). */
export interface OparlUrls {
  origin: string;
  system(): string;
  list(collection: OparlCollectionName): string;
  object(collection: OparlCollectionName, key: string | number): string;
  organizationMeetings(forumId: number): string;
  /** The meeting's agenda or minutes PDF, as the document route renders it. */
  meetingDocument(meetingId: number, kind: 'agenda' | 'minutes'): string;
  /** A Bilag's bytes shown in place (OParl's accessUrl may not be an attachment download). */
  attachmentAccess(attachmentId: number): string;
  /** A Bilag's download (Content-Disposition: attachment), the app's own route. */
  attachmentDownload(attachmentId: number): string;
  /** The meeting's page in the archive without script (/arkiv). */
  meetingWeb(meetingId: number): string;
  archiveWeb(): string;
}

/** The OParl URLs under an origin (no trailing slash). */
export function oparlUrls(origin: string): OparlUrls {
  const base = `${origin}${oparlBasePath}`;
  return {
    origin,
    system: () => base,
    list: (collection) => `${base}/${collection}`,
    object: (collection, key) => `${base}/${collection}/${encodeURIComponent(String(key))}`,
    organizationMeetings: (forumId) => `${base}/organization/${forumId}/meeting`,
    meetingDocument: (meetingId, kind) =>
      `${origin}/api/meetings/${meetingId}/document.pdf?kind=${kind}`,
    attachmentAccess: (attachmentId) => `${base}/file/attachment-${attachmentId}/access`,
    attachmentDownload: (attachmentId) => `${origin}/api/attachments/${attachmentId}`,
    meetingWeb: (meetingId) => `${origin}/arkiv/moeder/${meetingId}`,
    archiveWeb: () => `${origin}/arkiv`,
  };
}
