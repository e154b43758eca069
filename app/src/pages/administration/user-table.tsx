import type { UserAccount } from '../../api/types.ts';
import { formatTimestamp } from '../../lib/format.ts';
import { describeRoles, describeStatus } from './forum-roles.ts';

/** The id of an account's "Rediger" button, to give it focus back when the editor closes. */
export function editButtonId(userId: number): string {
  return `rediger-bruger-${userId}`;
}

/** The accounts as a table: name, e-mail, roles, state, last sign-in and "Rediger". */
export function UserTable({
  users,
  editingId,
  onEdit,
}: {
  users: readonly UserAccount[];
  editingId: number | null;
  onEdit: (user: UserAccount) => void;
}) {
  if (users.length === 0) return <p className="muted">Der er ingen brugere endnu.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">Brugere med roller</caption>
        <thead>
          <tr>
            <th scope="col">Navn</th>
            <th scope="col">E-mail</th>
            <th scope="col">Roller</th>
            <th scope="col">Status</th>
            <th scope="col">Sidst logget ind</th>
            <th scope="col">
              <span className="visually-hidden">Handlinger</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              isEditing={editingId === user.id}
              onEdit={() => onEdit(user)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({
  user,
  isEditing,
  onEdit,
}: {
  user: UserAccount;
  isEditing: boolean;
  onEdit: () => void;
}) {
  const roles = describeRoles(user);
  return (
    <tr>
      <th scope="row">
        {user.name}
        <span className="cell-note">{user.username}</span>
      </th>
      <td>{user.email ?? '–'}</td>
      <td>
        {roles.length === 0 ? (
          <span className="muted">Ingen roller</span>
        ) : (
          <ul className="plain-list">
            {roles.map((role) => (
              <li key={role}>{role}</li>
            ))}
          </ul>
        )}
      </td>
      <td>{describeStatus(user)}</td>
      <td>{user.lastSignInAt ? formatTimestamp(user.lastSignInAt) : 'Aldrig'}</td>
      <td>
        <button
          id={editButtonId(user.id)}
          type="button"
          className="button-secondary"
          aria-label={`Rediger ${user.name}`}
          aria-expanded={isEditing}
          onClick={onEdit}
        >
          Rediger
        </button>
      </td>
    </tr>
  );
}
