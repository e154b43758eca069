import { useState } from 'react';
import { forumsPath } from '../../api/forums.ts';
import type { ForumView, UserAccount, UserResult } from '../../api/types.ts';
import { usersPath } from '../../api/users.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { AdminNav } from './admin-nav.tsx';
import { GeneratedPassword, type HandedPassword } from './generated-password.tsx';
import { NewUserForm } from './new-user-form.tsx';
import { UserEditor } from './user-editor.tsx';
import { editButtonId, UserTable } from './user-table.tsx';

/**
 * `/administration/brugere`: the administrator's list of accounts with their roles per forum,
 * a form for a new account, and an editor for one account at a time. A generated password is
 * shown once, at the top.
 */
export function UsersPage() {
  usePageTitle('Brugere');
  const users = useApiData<UserAccount[]>(usersPath);
  const forums = useApiData<ForumView[]>(forumsPath);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [handed, setHanded] = useState<HandedPassword | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const editing = users.data?.find((user) => user.id === editingId) ?? null;

  const closeEditor = (userId: number): void => {
    setEditingId(null);
    // After React has removed the editor, the keyboard goes back to the row's button.
    requestAnimationFrame(() => document.getElementById(editButtonId(userId))?.focus());
  };

  const keep = (result: UserResult, message: string): void => {
    const current = users.data ?? [];
    const exists = current.some((user) => user.id === result.user.id);
    users.setData(
      exists
        ? current.map((user) => (user.id === result.user.id ? result.user : user))
        : [...current, result.user],
    );
    setNotice(message);
    const { username, name } = result.user;
    setHanded(result.initialPassword ? { username, name, password: result.initialPassword } : null);
    // A shown password takes the focus itself; otherwise it goes back to the row.
    if (result.initialPassword) setEditingId(null);
    else if (exists) closeEditor(result.user.id);
  };

  return (
    <>
      <PageHeading>Brugere</PageHeading>
      <AdminNav current="users" />
      <LoadError error={users.error ?? forums.error} status={users.errorStatus} />
      <Notice message={notice} />
      {handed ? (
        <GeneratedPassword key={handed.password} handed={handed} onDone={() => setHanded(null)} />
      ) : null}
      {users.isLoading && !users.data ? <Loading label="Henter brugere…" /> : null}
      {users.data ? (
        <section aria-labelledby="brugerliste" className="panel">
          <h2 id="brugerliste">Alle brugere</h2>
          <UserTable
            users={users.data}
            editingId={editingId}
            onEdit={(user) => {
              setNotice(null);
              setEditingId(user.id);
            }}
          />
        </section>
      ) : null}
      {editing ? (
        <UserEditor
          key={editing.id}
          user={editing}
          forums={forums.data ?? []}
          onSaved={(result) =>
            keep(
              result,
              result.initialPassword
                ? `${result.user.name} har fået en ny adgangskode.`
                : `${result.user.name} er gemt.`,
            )
          }
          onCancel={() => closeEditor(editing.id)}
        />
      ) : null}
      <section aria-labelledby="opret-bruger" className="panel">
        <h2 id="opret-bruger">Opret bruger</h2>
        <NewUserForm
          forums={forums.data ?? []}
          onCreated={(result) => keep(result, `${result.user.name} er oprettet.`)}
        />
      </section>
    </>
  );
}
