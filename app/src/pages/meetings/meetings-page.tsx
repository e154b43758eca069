import { forumsPath } from '../../api/forums.ts';
import type { Forum, MeetingSummary } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { todayInCopenhagen } from '../../lib/format.ts';
import { MeetingList } from './meeting-list.tsx';
import { NewMeetingForm } from './new-meeting-form.tsx';

/** `/`: the meetings of each forum, upcoming and past, and the form for a new meeting. */
export function MeetingsPage() {
  usePageTitle('Møder');
  const meetings = useApiData<MeetingSummary[]>('/api/meetings?limit=1000');
  const forums = useApiData<Forum[]>(forumsPath);
  const forumNames = uniqueForumNames(forums.data ?? [], meetings.data ?? []);
  const today = todayInCopenhagen();

  return (
    <>
      <PageHeading>Møder</PageHeading>
      <ErrorAlert message={meetings.error ?? forums.error} />
      <section aria-labelledby="nyt-moede" className="panel">
        <h2 id="nyt-moede">Nyt møde</h2>
        {forums.data ? <NewMeetingForm forums={forums.data} /> : <Loading />}
      </section>
      {meetings.isLoading && !meetings.data ? <Loading label="Henter møder…" /> : null}
      {meetings.data && forumNames.length === 0 ? (
        <p className="muted">Der er ingen møder endnu.</p>
      ) : null}
      {meetings.data
        ? forumNames.map((forumName) => {
            const ofForum = meetings.data?.filter((meeting) => meeting.forum === forumName) ?? [];
            const upcoming = ofForum.filter((meeting) => meeting.date >= today).reverse();
            const past = ofForum.filter((meeting) => meeting.date < today);
            const headingId = `forum-${slug(forumName)}`;
            return (
              <section key={forumName} className="forum-meetings">
                <h2 id={headingId}>{forumName}</h2>
                <h3>Kommende møder</h3>
                <MeetingList meetings={upcoming} emptyText="Ingen kommende møder." />
                <h3>Tidligere møder</h3>
                <MeetingList meetings={past} emptyText="Ingen tidligere møder." />
              </section>
            );
          })
        : null}
    </>
  );
}

/** The forums with meetings, in the order of the forum list, then any others by name. */
function uniqueForumNames(forums: readonly Forum[], meetings: readonly MeetingSummary[]): string[] {
  const withMeetings = new Set(meetings.map((meeting) => meeting.forum));
  const names = forums.map((forum) => forum.name).filter((name) => withMeetings.has(name));
  const others = [...withMeetings].filter((name) => !names.includes(name)).sort();
  return [...names, ...others];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9æøå]+/gu, '-');
}
