import { Link } from '../router/link.tsx';
import { signInPath } from '../session/return-path.ts';

/** "Log ind": the sign-in page, which returns the user to `returnTo` afterwards. */
export function SignInLink({ returnTo, className }: { returnTo: string; className?: string }) {
  return (
    <Link to={signInPath(returnTo)} className={className}>
      Log ind
    </Link>
  );
}
