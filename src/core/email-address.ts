/**
 * E-mail addresses of forum members and their deputies: one rule, shared by the server's
 * validation and the app's form, so that both accept the same addresses.
 */

/** The longest address SMTP carries (RFC 5321: 254 characters in a path). */
export const maxEmailAddressLength = 254;

// One "@", something before it, a domain with a dot after it, and none of the characters that
// would let an address become two (comma, semicolon), a header (line breaks) or a display name
// (angle brackets, quotes). Stricter than RFC 5322 on purpose: these addresses are typed by a
// secretary, and a typo should be caught rather than accepted in its rare legal form.
const addressPattern = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/** Whether the text, trimmed, is an e-mail address Referat will send to. */
export function isValidEmailAddress(text: string): boolean {
  const address = text.trim();
  if (address.length === 0 || address.length > maxEmailAddressLength) return false;
  if (/\p{Cc}/u.test(address)) return false;
  const [, domain = ''] = address.split('@');
  // "a@b..dk" and "a@.dk" have an empty label: no mail server will take them.
  if (domain.split('.').some((label) => label.length === 0)) return false;
  return addressPattern.test(address);
}

/** The Danish message for an address that is not valid, naming whose it is. */
export function invalidEmailMessage(whose: string): string {
  return `${whose} har en ugyldig e-mailadresse. Skriv den som navn@kommune.dk, eller lad feltet stå tomt.`;
}
