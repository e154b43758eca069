/** An answer from the API that was not a success, with the Danish message to show. */
export class ApiError extends Error {
  /** The HTTP status, or 0 when the server could not be reached. */
  readonly status: number;
  /** The parsed JSON body, when there was one (a 409 carries `yours` and `current`). */
  readonly body: unknown;

  constructor(status: number, message: string, body: unknown = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
  }

  /** True when retrying later may help: no connection, a server error or a timeout. */
  get isTemporary(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

const fallbackMessages: Record<number, string> = {
  400: 'Forespørgslen er ugyldig.',
  401: 'Log ind først.',
  403: 'Du har ikke adgang til at gøre dette.',
  404: 'Findes ikke.',
  409: 'Ændringen kan ikke gennemføres lige nu.',
  413: 'Filen er for stor. Den må højst fylde 25 MB.',
  415: 'Filtypen understøttes ikke. Brug PDF, Word (.docx) eller Excel (.xlsx).',
  423: 'Referatet er godkendt og låst. Brug "Ret" med en begrundelse.',
  429: 'For mange forsøg. Vent lidt, og prøv igen.',
};

/** The message a write gets when the session has ended, shown on the sign-in page. */
export const signInAgainMessage = 'Du er ikke logget ind længere. Log ind igen for at fortsætte.';

const stateChangingMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why a write was refused in a way that may mean the session has ended. */
export type RefusedWriteStatus = 401 | 403 | 404;

let csrfToken: string | null = null;
let refusedWriteListener: ((status: RefusedWriteStatus) => void) | null = null;

/**
 * Keeps the session's CSRF token (from `GET /api/session` and every sign-in), which every
 * state-changing request sends as `x-csrf-token`. Null when nobody is signed in.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Says what to do when a write is refused with 401 (sign in first), 403 or 404 (which is what
 * a session that ended gets for a meeting only its forum may see): the session module checks
 * the session and sends the user to the sign-in page when it is gone. The request fails as
 * usual too. One listener at a time; null removes it.
 */
export function onWriteRefused(listener: ((status: RefusedWriteStatus) => void) | null): void {
  refusedWriteListener = listener;
}

/** The request options the app uses. */
export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON unless it is a Blob (a file upload). */
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Lets the request finish while the page unloads (autosave). */
  keepalive?: boolean;
  /**
   * A request of the session itself (sign in, change password): a 401 there is the answer
   * (a wrong password), not a lost session, so it does not lead to the sign-in page.
   */
  isSessionRequest?: boolean;
}

/**
 * Calls the API and returns the parsed JSON (undefined for 204). Throws an ApiError with the
 * server's Danish `error` message, or a Danish fallback, so every caller can show it as is.
 * Writes carry the session's CSRF token; a refused write also tells the session module.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const isWrite = stateChangingMethods.has(method);
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (isWrite && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof Blob) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      signal: options.signal,
      keepalive: options.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Der er ingen forbindelse til serveren. Prøv igen om lidt.');
  }
  if (response.status === 204) return undefined as T;
  const parsed = await readJson(response);
  if (response.ok) return parsed as T;
  const error = new ApiError(response.status, errorMessage(response, parsed), parsed);
  if (isWrite && !options.isSessionRequest && isRefusal(response.status))
    refusedWriteListener?.(response.status);
  throw error;
}

function isRefusal(status: number): status is RefusedWriteStatus {
  return status === 401 || status === 403 || status === 404;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function errorMessage(response: Response, body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string')
    return body.error;
  if (response.status >= 500) return 'Der skete en fejl på serveren. Prøv igen.';
  return fallbackMessages[response.status] ?? `Forespørgslen mislykkedes (${response.status}).`;
}

/** The Danish message of any error, for an alert. */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return 'Der skete en uventet fejl.';
}
