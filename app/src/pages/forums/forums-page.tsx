import { useState } from 'react';
import { forumsPath } from '../../api/forums.ts';
import type { Forum, ForumView } from '../../api/types.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { useSession } from '../../session/use-session.ts';
import { ForumCard } from './forum-card.tsx';
import { NewForumForm } from './new-forum-form.tsx';

/**
 * `/fora`: the forums the user may see, with their members; editing where the server allows
 * it, and a form for a new forum for administrators.
 */
export function ForumsPage() {
  usePageTitle('Fora');
  const { user } = useSession();
  const forums = useApiData<ForumView[]>(forumsPath);
  const [notice, setNotice] = useState<string | null>(null);

  const saveForum = (saved: Forum): void => {
    const current = forums.data ?? [];
    const before = current.find((forum) => forum.id === saved.id);
    if (before) {
      // The answer is the forum alone; what the user may do with it has not changed.
      forums.setData(
        current.map((forum) =>
          forum.id === saved.id ? { ...saved, permissions: before.permissions } : forum,
        ),
      );
      setNotice(`${saved.name} er gemt.`);
      return;
    }
    forums.reload();
    setNotice(`${saved.name} er oprettet.`);
  };

  return (
    <>
      <PageHeading>Fora og medlemmer</PageHeading>
      <LoadError error={forums.error} status={forums.errorStatus} />
      <Notice message={notice} />
      {forums.isLoading && !forums.data ? <Loading label="Henter fora…" /> : null}
      {forums.data?.map((forum) => (
        <ForumCard key={forum.id} forum={forum} onSaved={saveForum} />
      ))}
      {forums.data?.length === 0 ? <p className="muted">Der er ingen fora at vise.</p> : null}
      {user?.isAdministrator ? (
        <section aria-labelledby="nyt-forum" className="panel">
          <h2 id="nyt-forum">Nyt forum</h2>
          <NewForumForm onCreated={saveForum} />
        </section>
      ) : null}
    </>
  );
}
