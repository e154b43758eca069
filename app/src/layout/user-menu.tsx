import { useState } from 'react';
import { messageOf } from '../api/client.ts';
import { signOut } from '../api/session.ts';
import type { SessionUser } from '../api/types.ts';
import { navigate } from '../router/history.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { signInPath } from '../session/return-path.ts';
import { setSession } from '../session/session-store.ts';

/**
 * Who is signed in, with "Mine opfølgninger", "Din kalender", "Skift adgangskode" and "Log ud";
 * "Log ind" for the anonymous (returning to this page afterwards). Nothing while the session is
 * loading.
 */
export function UserMenu({
  user,
  pathname,
  search,
}: {
  user: SessionUser | null | undefined;
  pathname: string;
  search: string;
}) {
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  if (user === undefined) return null;
  if (user === null)
    return (
      <div className="user-menu">
        <Link
          to={signInPath(`${pathname}${search}`)}
          className="user-menu-link"
          aria-current={pathname === paths.signIn ? 'page' : undefined}
        >
          Log ind
        </Link>
      </div>
    );

  const leave = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    try {
      setSession(await signOut());
      navigate(paths.meetings);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <div className="user-menu">
      <span className="user-name">
        <span className="visually-hidden">Logget ind som </span>
        {user.name}
      </span>
      <Link
        to={paths.followups}
        className="user-menu-link"
        aria-current={pathname === paths.followups ? 'page' : undefined}
      >
        Mine opfølgninger
      </Link>
      <Link
        to={paths.personalCalendar}
        className="user-menu-link"
        aria-current={pathname === paths.personalCalendar ? 'page' : undefined}
      >
        Din kalender
      </Link>
      <Link
        to={paths.changePassword}
        className="user-menu-link"
        aria-current={pathname === paths.changePassword ? 'page' : undefined}
      >
        Skift adgangskode
      </Link>
      <button
        type="button"
        className="user-menu-button"
        disabled={isBusy}
        onClick={() => void leave()}
      >
        Log ud
      </button>
      {error ? (
        <p role="alert" className="user-menu-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
