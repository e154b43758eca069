import { Link } from '../router/link.tsx';

/** The sections the main navigation leads to; `matches` tells which one the page belongs to. */
const sections = [
  {
    to: '/',
    label: 'Møder',
    matches: (path: string) => path === '/' || path.startsWith('/moeder'),
  },
  { to: '/fora', label: 'Fora', matches: (path: string) => path.startsWith('/fora') },
  {
    to: '/soeg',
    label: 'Søg i arkivet',
    matches: (path: string) => path.startsWith('/soeg') || path.startsWith('/sager'),
  },
];

/** The skip link, the name of the app and the main navigation. */
export function SiteHeader({ pathname }: { pathname: string }) {
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
              {sections.map((section) => (
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
        </div>
      </header>
    </>
  );
}
