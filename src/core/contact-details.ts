/**
 * E-mail addresses and phone numbers in minutes' text, and their removal from the public
 * versions of a forum that asks for it (GDPR: the people named in a decision are public, how
 * to reach them at home or at their desk is not). The read model calls this; nothing else
 * should need to.
 */

/** What stands in the public text where an e-mail address was. */
export const removedEmailText = '[e-mail fjernet]';
/** What stands in the public text where a phone number was. */
export const removedPhoneText = '[telefon fjernet]';

// An address as people write them: "bpo@albertslund.dk", "mette.h-jensen@kk.dk", also after
// "mailto:". Local parts with quotes or IP-literal domains do not appear in minutes.
const emailPattern = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;

// A Danish number has 8 digits, written 43 68 68 68, 4368 6868, 43-68-68-68 or 43686868,
// perhaps after +45 or 0045, or right after "tlf." The number must stand alone (no digit,
// letter or slash joined to it, no "1." or "A-" before it), so that journal numbers
// (00.01.00-A00-1-17, 17/1234), amounts (12.345.678 kr.) and dates stay. A separator between
// pairs must be the same throughout.
const countryPrefix = String.raw`(?:(?:\+|00)45[ \u00a0-]?)?`;
const eightDigits = [
  String.raw`\d{2}([ \u00a0.-])\d{2}\1\d{2}\1\d{2}`,
  String.raw`\d{4}[ \u00a0]\d{4}`,
  String.raw`\d{8}`,
].join('|');
const phonePattern = new RegExp(
  String.raw`(?<![\d/+_\p{L}]|\d[.,-]|\p{L}-)${countryPrefix}(?:${eightDigits})(?![\d/\p{L}]|[.,-]\d)`,
  'gu',
);

/** Whether a four-plus-four match is two years ("2017 2018"), which is no phone number. */
function isYearPair(match: string): boolean {
  return /^(?:19|20)\d{2}[ \u00a0](?:19|20)\d{2}$/u.test(match);
}

/** The text with e-mail addresses and phone numbers replaced by a note that they were removed. */
export function withoutContactDetails(text: string): string {
  return text
    .replace(emailPattern, removedEmailText)
    .replace(phonePattern, (match) => (isYearPair(match) ? match : removedPhoneText));
}

/** The same for text that may be missing. */
export function withoutContactDetailsOrNull(text: string | null): string | null {
  return text === null ? null : withoutContactDetails(text);
}

/** Whether the text has an e-mail address or a phone number (for tests and warnings). */
export function hasContactDetails(text: string): boolean {
  return withoutContactDetails(text) !== text;
}
