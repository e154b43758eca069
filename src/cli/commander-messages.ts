/**
 * Commander writes its usage errors in English; secretaries read Danish. These patterns
 * cover the messages a user can meet; anything else is passed on as written.
 */
const translations: ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]> = [
  [/^error: missing required argument '(.+)'$/u, (name) => `mangler argumentet ${name}`],
  [/^error: required option '(.+)' not specified$/u, (option) => `mangler tilvalget ${option}`],
  [/^error: unknown command '(.+)'$/u, (name) => `ukendt kommando "${name}"`],
  [/^error: unknown option '(.+)'$/u, (name) => `ukendt tilvalg "${name}"`],
  [/^error: too many arguments(?: for '(.+)')?\..*$/u, () => 'for mange argumenter'],
  [/^error: option '(.+)' argument missing$/u, (option) => `tilvalget ${option} mangler en værdi`],
  [
    /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/u,
    (option, value, choices) =>
      `ugyldig værdi "${value}" til ${option}; vælg mellem ${choices.replaceAll(', ', ', ')}`,
  ],
];

/** Translates one of commander's error lines into a Danish one-line message. */
export function translateCommanderMessage(message: string): string {
  const line = message.trim();
  for (const [pattern, translate] of translations) {
    const match = pattern.exec(line);
    if (match) return `referat: ${translate(...match.slice(1).map((group) => group ?? ''))}`;
  }
  return `referat: ${line.replace(/^error:\s*/u, '')}`;
}
