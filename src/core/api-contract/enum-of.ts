import { z } from 'zod';

/** A zod enum over a readonly list of string literals (the core's lists of states and kinds). */
export function enumOf<T extends string>(values: readonly T[]) {
  return z.enum(values as readonly [T, ...T[]]);
}
