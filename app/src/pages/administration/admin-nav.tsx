import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';

/** The administration's own navigation: users and the audit log. */
export function AdminNav({ current }: { current: 'users' | 'audit' }) {
  const links = [
    { to: paths.users, label: 'Brugere', page: 'users' },
    { to: paths.audit, label: 'Revisionslog', page: 'audit' },
  ] as const;
  return (
    <nav aria-label="Administration" className="meeting-nav">
      <ul>
        {links.map((link) => (
          <li key={link.page}>
            <Link to={link.to} aria-current={link.page === current ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
