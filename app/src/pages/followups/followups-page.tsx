import { type FollowupView, forumFollowupsPath, myFollowupsPath } from '../../api/followups.ts';
import { forumsPath } from '../../api/forums.ts';
import type { ForumView } from '../../api/types.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { countText } from '../../lib/format.ts';
import { navigate } from '../../router/history.ts';
import { paths } from '../../router/routes.ts';
import { useSession } from '../../session/use-session.ts';
import { FollowupSummary } from './followup-summary.tsx';
import {
  type FollowupPageQuery,
  followupQueryFromUrl,
  followupQueryToUrl,
} from './followups-query.ts';
import './followups.css';

const filterLabels = { open: 'Åbne', overdue: 'Overskredne', all: 'Alle' } as const;

/**
 * `/opfoelgning` (signed-in users): "Mine opfølgninger", those the user (or the user's forum)
 * owns, or a forum's, open, overdue or all. The choice lives in the address, so a view can be
 * shared and bookmarked.
 */
export function FollowupsPage({ search }: { search: string }) {
  const query = followupQueryFromUrl(search);
  const { user } = useSession();
  const forums = useApiData<ForumView[]>(forumsPath);
  const ownForums = (forums.data ?? []).filter(
    (forum) =>
      user?.isAdministrator === true || user?.forumRoles.some((role) => role.forumId === forum.id),
  );
  const forum = ownForums.find((entry) => entry.id === query.forumId) ?? null;
  const title = forum ? `Opfølgninger i ${forum.name}` : 'Mine opfølgninger';
  usePageTitle(title);
  const list = useApiData<FollowupView[]>(
    query.forumId === null
      ? myFollowupsPath(query.filter)
      : forumFollowupsPath(query.forumId, query.filter),
  );
  const show = (next: Partial<FollowupPageQuery>): void =>
    navigate(`${paths.followups}${followupQueryToUrl({ ...query, ...next })}`);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>
        Opgaver og punkter, der skal tilbage til forummet, som sekretariatet har bekræftet ud fra
        referaternes beslutninger. Dine egne er dem, hvor du eller dit forum står som ansvarlig.
      </p>
      <form className="form-grid followup-filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="opfoelgning-vis">Vis</label>
          <select
            id="opfoelgning-vis"
            value={query.forumId ?? ''}
            onChange={(event) =>
              show({ forumId: event.target.value ? Number(event.target.value) : null })
            }
          >
            <option value="">Mine opfølgninger</option>
            {ownForums.map((entry) => (
              <option key={entry.id} value={entry.id}>
                Alle i {entry.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="followup-choices">
          <legend>Status</legend>
          {(['open', 'overdue', 'all'] as const).map((filter) => (
            <label key={filter} className="checkbox inline-choice">
              <input
                type="radio"
                name="opfoelgning-status"
                checked={query.filter === filter}
                onChange={() => show({ filter })}
              />{' '}
              {filterLabels[filter]}
            </label>
          ))}
        </fieldset>
      </form>
      <LoadError error={list.error} status={list.errorStatus} />
      {list.isLoading && !list.data ? <Loading label="Henter opfølgningerne…" /> : null}
      {list.data ? <FollowupResults followups={list.data} /> : null}
    </>
  );
}

function FollowupResults({ followups }: { followups: FollowupView[] }) {
  const overdue = followups.filter((followup) => followup.isOverdue).length;
  return (
    <section aria-labelledby="opfoelgning-resultat">
      <h2 id="opfoelgning-resultat" aria-live="polite">
        {countText(followups.length, 'opfølgning', 'opfølgninger')}
        {overdue > 0 ? `, ${overdue} med overskredet frist` : ''}
      </h2>
      {followups.length === 0 ? (
        <p className="muted">Der er ingen opfølgninger at vise.</p>
      ) : (
        <ul className="followup-list">
          {followups.map((followup) => (
            <li key={followup.id}>
              <FollowupSummary followup={followup} showOrigin />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
