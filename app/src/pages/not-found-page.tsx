import { PageHeading } from '../components/page-heading.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { Link } from '../router/link.tsx';

/** The page for a path the app does not know. */
export function NotFoundPage() {
  usePageTitle('Siden findes ikke');
  return (
    <>
      <PageHeading>Siden findes ikke</PageHeading>
      <p>
        Adressen findes ikke i Referat. <Link to="/">Gå til møderne</Link>
      </p>
    </>
  );
}
