import { forumsPath } from '../../api/forums.ts';
import type { Forum, ForumView, MeetingSummary } from '../../api/types.ts';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { PageHeading } from '../../components/page-heading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { usePageTitle } from '../../hooks/use-page-title.ts';
import { todayInCopenhagen } from '../../lib/format.ts';
import { MeetingList } from './meeting-list.tsx';
import { NewMeetingForm } from './new-meeting-form.tsx';

/**
 * `/`: the meetings of each forum the user may see, upcoming and past (only what the server
 * returns), and the form for a new meeting in the forums where the user may create one.
 */
export function MeetingsPage() {
  usePageTitle('Møder');
  const meetings = useApiData<MeetingSummary[]>('/api/meetings?limit=1000');
  const forums = useApiData<ForumView[]>(forumsPath);
  const creatable = forums.data?.filter((forum) => forum.permissions.canCreateMeeting) ?? [];
  const forumNames = uniqueForumNames(forums.data ?? [], meetings.data ?? []);
  const today = todayInCopenhagen();

  return (
    <>
      <PageHeading>Møder</PageHeading>
      <LoadError
        error={meetings.error ?? forums.error}
        status={meetings.errorStatus ?? forums.errorStatus}
      />
      {creatable.length > 0 ? (
        <section aria-labelledby="nyt-moede" className="panel">
          <h2 id="nyt-moede">Nyt møde</h2>
          <NewMeetingForm forums={creatable} />
        </section>
      ) : null}
      {meetings.isLoading && !meetings.data ? <Loading label="Henter møder…" /> : null}
      {meetings.data && forumNames.length === 0 ? (
        <p className="muted">Der er ingen møder at vise.</p>
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
