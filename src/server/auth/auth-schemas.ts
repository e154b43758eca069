import { emptyAnswer, errorAnswers } from '../response-contract.ts';

/**
 * The answers the sign-in and account routes share; the bodies' schemas are the API contract's
 * (core/api-contract/accounts.ts).
 */

/** The 4xx answers the auth routes can give, each a Danish `{ error }` (429: too many tries). */
export const errorResponses = errorAnswers(400, 401, 403, 404, 409, 429);

/** A redirect: no body, the Location header says where. */
export const redirectSchema = emptyAnswer('Videre til adressen i Location');
