const copenhagenParts = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(date: Date): Record<string, string> {
  return Object.fromEntries(
    copenhagenParts.formatToParts(date).map((part) => [part.type, part.value]),
  );
}

/**
 * "14:32": the time of day in Copenhagen, with the colon the minutes use ("kl. 13:00"), where
 * Intl's Danish format writes "14.32". The machines run in UTC, so the zone is always given.
 */
export function formatClockTime(date: Date): string {
  const parts = partsOf(date);
  return `${parts.hour}:${parts.minute}`;
}

/** "12. marts 2019 kl. 14:02" in Copenhagen; the text as given when it is not a time. */
export function formatDateWithClockTime(isoTimestamp: string): string {
  const date = new Date(isoTimestamp);
  if (Number.isNaN(date.getTime())) return isoTimestamp;
  const parts = partsOf(date);
  return `${Number(parts.day)}. ${parts.month} ${parts.year} kl. ${parts.hour}:${parts.minute}`;
}
