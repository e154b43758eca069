/**
 * How the two engines report writes that clashed with another transaction. The store owns the
 * engines' error codes, so that services and routes ask here instead of knowing them.
 */

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** A unique constraint stopped the write: another transaction saved the same new thing. */
export function isUniqueViolation(error: unknown): boolean {
  const code = errorCode(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** SQLite's write lock is held by another connection or process (busy or locked). */
export function isHeldByAnotherWriter(error: unknown): boolean {
  const code = errorCode(error);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/**
 * A write that lost a race with a concurrent transaction and may succeed when run again: a
 * unique violation (both created the same forum, person or case), a deadlock, a serialization
 * failure, or SQLite's busy lock.
 */
export function isRetryableConflict(error: unknown): boolean {
  const code = errorCode(error);
  return (
    isUniqueViolation(error) ||
    code === '40P01' ||
    code === '40001' ||
    code.startsWith('SQLITE_BUSY')
  );
}
