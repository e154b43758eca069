import { paths } from '../router/routes.ts';

/**
 * A path to send the user back to after signing in, when it is safe: a path on this site (one
 * leading slash, never `//host` or `/\host`, no control characters), not the API and not the
 * sign-in page itself. Anything else gives the front page, so `?tilbage=` cannot lead away.
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || value.length > 2000) return '/';
  if (!/^\/(?![/\\])/u.test(value) || value.includes('\\') || hasControlCharacter(value))
    return '/';
  if (value.startsWith('/api/') || isPathOf(value, paths.signIn)) return '/';
  return value;
}

/** The return path a page's query string carries in `?tilbage=` (safe, "/" when none). */
export function returnPathOf(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('tilbage'));
}

/** The sign-in page that returns to `returnTo`, with a message to show (`?fejl=`). */
export function signInPath(returnTo: string, message?: string): string {
  return withQuery(paths.signIn, returnTo, message);
}

/** The change-password page that returns to `returnTo` when done. */
export function changePasswordPath(returnTo: string): string {
  return withQuery(paths.changePassword, returnTo);
}

function withQuery(path: string, returnTo: string, message?: string): string {
  const parameters = new URLSearchParams();
  const target = safeReturnPath(returnTo);
  if (target !== '/') parameters.set('tilbage', target);
  if (message) parameters.set('fejl', message);
  const query = parameters.toString();
  return query ? `${path}?${query}` : path;
}

function isPathOf(value: string, path: string): boolean {
  return value === path || value.startsWith(`${path}?`) || value.startsWith(`${path}/`);
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
