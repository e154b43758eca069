import { useLocation } from '../router/use-location.ts';
import { useSession } from '../session/use-session.ts';
import { SignInLink } from './sign-in-link.tsx';

/**
 * The error of loading a page's data, announced at once. When the server says the thing is
 * not there (404) or asks for a sign-in (401) and nobody is signed in, it may well be there
 * for those with rights, so the message offers "Log ind" and a way back here afterwards.
 */
export function LoadError({ error, status }: { error: string | null; status: number | null }) {
  const { user } = useSession();
  const { pathname, search } = useLocation();
  if (!error) return null;
  const isHidden = status === 404 || status === 401;
  return (
    <div role="alert" className="alert alert-error">
      <p className="alert-text">{error}</p>
      {isHidden && user === null ? (
        <p className="alert-text">
          Er det et internt møde eller en kladde, skal du logge ind for at se det.{' '}
          <SignInLink returnTo={`${pathname}${search}`} />
        </p>
      ) : null}
    </div>
  );
}
