import { PageHeading } from '../components/page-heading.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { Link } from '../router/link.tsx';

/** The page a signed-in user gets for a page that is for administrators only. */
export function ForbiddenPage() {
  usePageTitle('Ingen adgang');
  return (
    <>
      <PageHeading>Ingen adgang</PageHeading>
      <p>
        Siden er kun for administratorer. Spørg en administrator, hvis du skal have adgang.{' '}
        <Link to="/">Gå til møderne</Link>
      </p>
    </>
  );
}
