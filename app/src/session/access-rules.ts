import type { SessionUser } from '../api/types.ts';
import type { Route } from '../router/routes.ts';
import { changePasswordPath, returnPathOf, signInPath } from './return-path.ts';

/** Who may open a page: anyone, a signed-in user, or an administrator. */
export type PageAudience = 'anyone' | 'signed-in' | 'administrator';

/** What the app does with a page for the current session. */
export type AccessDecision =
  | { kind: 'show' }
  /** The session is not known yet; the page waits for it. */
  | { kind: 'wait' }
  | { kind: 'redirect'; to: string }
  /** Signed in, but the page is for administrators. */
  | { kind: 'forbidden' };

/**
 * Who may open each page. Reading is for anyone: the server answers with what the user may
 * see. Meeting mode is for writing decisions, so it asks for a sign-in first; the
 * administration pages are for administrators.
 */
export function pageAudience(route: Route): PageAudience {
  switch (route.page) {
    case 'meeting-mode':
    case 'change-password':
    case 'personal-calendar':
    // The plan ahead is internal to the forum: its members and staff sign in to see it.
    case 'year-plan':
    case 'followups':
      return 'signed-in';
    case 'users':
    case 'audit':
      return 'administrator';
    case 'meetings':
    case 'forums':
    case 'meeting':
    case 'agenda':
    case 'item':
    case 'search':
    case 'case':
    case 'sign-in':
    case 'not-found':
      return 'anyone';
    default: {
      const unknown: never = route;
      return unknown;
    }
  }
}

/**
 * Decides whether to show a page, wait for the session, send the user elsewhere, or refuse:
 * a user who must change their password goes to that page first, wherever they were headed;
 * a signed-in user on the sign-in page goes on to `?tilbage=`; pages for signed-in users and
 * administrators send the anonymous to sign in and come back. `user` is undefined while the
 * session is loading; `location` is the current path with its query string.
 */
export function decideAccess(
  route: Route,
  user: SessionUser | null | undefined,
  location: string,
): AccessDecision {
  const audience = pageAudience(route);
  if (user === undefined) return audience === 'anyone' ? { kind: 'show' } : { kind: 'wait' };
  const search = location.includes('?') ? location.slice(location.indexOf('?')) : '';
  const isReturnPage = route.page === 'sign-in' || route.page === 'change-password';
  const returnTo = isReturnPage ? returnPathOf(search) : location;
  if (user?.mustChangePassword && route.page !== 'change-password')
    return { kind: 'redirect', to: changePasswordPath(returnTo) };
  if (user && route.page === 'sign-in') return { kind: 'redirect', to: returnTo };
  if (!user && audience !== 'anyone') return { kind: 'redirect', to: signInPath(returnTo) };
  if (user && audience === 'administrator' && !user.isAdministrator) return { kind: 'forbidden' };
  return { kind: 'show' };
}
