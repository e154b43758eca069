import { useState } from 'react';
import { forumsPath } from '../../api/forums.ts';
import type { Forum } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { ForumCard } from './forum-card.tsx';
import { NewForumForm } from './new-forum-form.tsx';

/** `/fora`: the forums with their members, a form for a new forum, and editing. */
export function ForumsPage() {
  usePageTitle('Fora');
  const forums = useApiData<Forum[]>(forumsPath);
  const [notice, setNotice] = useState<string | null>(null);

  const replaceForum = (saved: Forum): void => {
    const current = forums.data ?? [];
    const exists = current.some((forum) => forum.id === saved.id);
    forums.setData(
      exists
        ? current.map((forum) => (forum.id === saved.id ? saved : forum))
        : [...current, saved],
    );
    setNotice(exists ? `${saved.name} er gemt.` : `${saved.name} er oprettet.`);
  };

  return (
    <>
      <PageHeading>Fora og medlemmer</PageHeading>
      <ErrorAlert message={forums.error} />
      <Notice message={notice} />
      {forums.isLoading && !forums.data ? <Loading label="Henter fora…" /> : null}
      {forums.data?.map((forum) => (
        <ForumCard key={forum.id} forum={forum} onSaved={replaceForum} />
      ))}
      {forums.data?.length === 0 ? <p className="muted">Der er ingen fora endnu.</p> : null}
      <section aria-labelledby="nyt-forum" className="panel">
        <h2 id="nyt-forum">Nyt forum</h2>
        <NewForumForm onCreated={replaceForum} />
      </section>
    </>
  );
}
