import {
  formatDanishDate,
  formatMeetingDate as formatDocumentMeetingDate,
} from '../../../src/core/danish-date.ts';

export { formatDanishDate };

/**
 * "Mandag d. 7. december 2026": the minutes' own form, without the documents' leading zero
 * in the day, so that lists and headings agree with "Chefforum 7. december 2026".
 */
export function formatMeetingDate(...args: Parameters<typeof formatDocumentMeetingDate>): string {
  return formatDocumentMeetingDate(...args).replace(/d\. 0(\d)\./u, 'd. $1.');
}

const timestampFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "14. juni 2017 kl. 13.05" for a timestamp such as a publication's. */
export function formatTimestamp(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  return timestampFormat.format(date);
}

/** "1,2 MB" or "340 kB". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024)
    return `${(bytes / (1024 * 1024)).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

/** Today's date in Copenhagen as YYYY-MM-DD, to split upcoming from past meetings. */
export function todayInCopenhagen(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date());
}

/** "1 punkt" / "3 punkter": Danish singular and plural. */
export function countText(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
