import { ParseError } from '../parse/parse-error.ts';

/** An error caused by the user's input: printed as one line, exit code 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** True for errors that the user can fix, which exit with code 2 rather than 1. */
export function isUserError(error: unknown): boolean {
  return error instanceof UserError || error instanceof ParseError;
}

/** The first line of an error's message, without a stack. */
export function oneLineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'ukendt fejl';
}
