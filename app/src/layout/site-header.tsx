import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/use-session.ts';
import { UserMenu } from './user-menu.tsx';

/** A section the main navigation leads to; `matches` tells whether a page belongs to it. */
interface Section {
  to: string;
  label: string;
  matches: (path: string) => boolean;
}

const sections: Section[] = [
  {
    to: paths.meetings,
    label: 'Møder',
    matches: (path) => path === '/' || path.startsWith('/moeder'),
  },
  { to: paths.forums, label: 'Fora', matches: (path) => path.startsWith('/fora') },
  {
    to: paths.search,
    label: 'Søg i arkivet',
    matches: (path) => path.startsWith('/soeg') || path.startsWith('/sager'),
  },
];

const administration: Section = {
  to: paths.users,
  label: 'Administration',
  matches: (path) => path.startsWith('/administration'),
};

/** The skip link, the name of the app, the main navigation and who is signed in. */
export function SiteHeader({ pathname, search }: { pathname: string; search: string }) {
  const { user } = useSession();
  const menu = user?.isAdministrator ? [...sections, administration] : sections;
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="site-name">
            Referat <span className="site-owner">Albertslund Kommune</span>
          </Link>
          <nav aria-label="Hovedmenu">
            <ul className="main-menu">
              {menu.map((section) => (
                <li key={section.to}>
                  <Link
                    to={section.to}
                    aria-current={section.matches(pathname) ? 'page' : undefined}
                  >
                    {section.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <UserMenu user={user} pathname={pathname} search={search} />
        </div>
      </header>
    </>
  );
}
