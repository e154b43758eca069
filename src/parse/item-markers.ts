/**
 * Markers that say whether an item is open or closed (lukket punkt). Councils write them in many
 * ways: a line of its own ("Lukket punkt", "LUKKET", "Punktet er lukket", "Åbent punkt"), a
 * prefix or suffix of the title ("Lukket punkt: Personalesag", "Personalesag (lukket)"), or a
 * heading over a group of items ("Lukkede sager"). The marker is a fact about the item, kept in
 * its `closed` flag, so it is neither text nor part of the title.
 */

const closedWords = String.raw`(?:lukket|lukkede?)(?:\s+(?:dagsordens?punkt|punkt|sag|behandling))?|fortroligt?(?:\s+(?:punkt|sag))?|ikke[\s-]offentlig[te]?(?:\s+(?:punkt|sag))?`;
const openWords = String.raw`åben(?:t)?(?:\s+(?:dagsordens?punkt|punkt|sag))?|offentligt?\s+(?:punkt|sag)`;

const closedLine = new RegExp(
  String.raw`^[([]?(?:${closedWords}|punktet\s+(?:er|behandles)\s+(?:lukket|for\s+lukkede\s+døre)|behandles\s+for\s+lukkede\s+døre)[)\]]?\s*[.:]?$`,
  'iu',
);
const openLine = new RegExp(
  String.raw`^[([]?(?:${openWords}|punktet\s+er\s+åbent)[)\]]?\s*[.:]?$`,
  'iu',
);
const closedInTitle = new RegExp(String.raw`[([](?:${closedWords})[)\]]`, 'iu');
const closedGroup =
  /^(?:lukkede\s+(?:sager|punkter|dagsordenspunkter)|lukket\s+(?:dagsorden|del|møde)|(?:dagsorden|punkter|sager)\s+for\s+lukkede\s+døre)\s*:?$/iu;
const openGroup =
  /^(?:åbne\s+(?:sager|punkter|dagsordenspunkter)|åben\s+(?:dagsorden|del)|åbent\s+møde)\s*:?$/iu;

/** True when a line of its own marks an item as closed ("Lukket punkt", "(Fortroligt)"). */
export function isClosedMarker(plain: string): boolean {
  return closedLine.test(plain) || /^lukket\s+(?:dagsordens?)?punkt\s*[:–-]/iu.test(plain);
}

/** True when a line of its own marks an item as open ("Åben", "Åbent punkt"): not text. */
export function isOpenMarker(plain: string): boolean {
  return openLine.test(plain);
}

/**
 * A heading over a group of items: "Lukkede sager" makes the items after it closed, "Åbne
 * sager" open. Returns which, or null for any other line.
 */
export function itemGroupHeading(plain: string): 'open' | 'closed' | null {
  if (closedGroup.test(plain)) return 'closed';
  if (openGroup.test(plain)) return 'open';
  return null;
}

// An optional forum prefix ("CF - ") stays in front: the parser removes it later.
const forumPrefix = String.raw`((?:[A-ZÆØÅ][A-ZÆØÅ0-9]{0,7}\s+[-–]\s+)?)`;
const markerFirst = new RegExp(
  String.raw`^${forumPrefix}(?:[([](?:${closedWords})[)\]]\s*[:–-]?|(?:${closedWords})\s*[:–-])\s*(\S.*)$`,
  'iu',
);
const markerLast = new RegExp(
  String.raw`^(.*?\S)\s*(?:[([](?:${closedWords})[)\]]|\s[–-]\s+(?:${closedWords}))\s*$`,
  'iu',
);

/**
 * Splits a closed marker off a title: "Lukket punkt: Personalesag" and "Personalesag
 * (lukket)" are the title "Personalesag" of a closed item. A title that is nothing but the
 * marker ("Lukket punkt", as a public version shows a closed item) stays as it is.
 */
export function splitClosedMarker(title: string): { title: string; isClosed: boolean } {
  if (isClosedMarker(title) && !markerFirst.test(title)) return { title, isClosed: true };
  const first = markerFirst.exec(title);
  if (first) return { title: `${first[1] ?? ''}${first[2] ?? ''}`.trim(), isClosed: true };
  const last = markerLast.exec(title);
  if (last) return { title: (last[1] ?? '').trim(), isClosed: true };
  return { title, isClosed: closedInTitle.test(title) };
}
