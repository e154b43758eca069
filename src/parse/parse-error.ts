/**
 * An error the parser reports to the user as one-line Danish message.
 * Commands print `message` on stderr and exit with code 2; they never show a stack.
 */
export class ParseError extends Error {
  override readonly name = 'ParseError';
}

/** Raised when a document has no readable text at all (empty, binary junk, scanned PDF). */
export function noTextError(what: string): ParseError {
  return new ParseError(`${what} indeholder ingen læsbar tekst`);
}
