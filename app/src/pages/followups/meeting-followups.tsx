import { useRef, useState } from 'react';
import { type MeetingFollowups, meetingFollowupsPath } from '../../api/followups.ts';
import type { Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { countText } from '../../lib/format.ts';
import { useSession } from '../../session/use-session.ts';
import { ConfirmedActions, type RunAction, SuggestionActions } from './followup-actions.tsx';
import { FollowupSummary } from './followup-summary.tsx';
import './followups.css';

/** The states whose minutes are out: then the decisions' follow-ups are tracked here. */
const minutesStates = new Set(['minutes_published', 'minutes_approved']);

/**
 * The follow-ups on a meeting's page, for the forum's members and staff (the server decides;
 * to anyone else the panels are not there): "Opfølgning" once the minutes are out, with the
 * suggestions found in the decisions for the secretary to confirm ("Bekræft"), edit ("Ret")
 * or reject ("Afvis"), and the confirmed ones with their status; and the forum's open
 * follow-ups due on or before the meeting.
 */
export function MeetingFollowupPanels({ workspace }: { workspace: Workspace }) {
  const { user } = useSession();
  const mayRead =
    user !== undefined &&
    user !== null &&
    (user.isAdministrator || user.forumRoles.some((role) => role.forumId === workspace.forum.id));
  const answer = useApiData<MeetingFollowups>(mayRead ? meetingFollowupsPath(workspace.id) : null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  if (!mayRead || answer.errorStatus === 401 || answer.errorStatus === 403) return null;
  const run: RunAction = async (send, done) => {
    setNotice(null);
    await send();
    setNotice(done);
    answer.reload();
    // The follow-up moves to another list: the focus goes to the panel, not to the page's top.
    heading.current?.focus();
  };
  const data = answer.data;
  const hasMinutes = minutesStates.has(workspace.status);
  return (
    <>
      {hasMinutes ? (
        <section aria-labelledby="opfoelgning" className="panel followup-panel">
          <h2 id="opfoelgning" ref={heading} tabIndex={-1}>
            Opfølgning
          </h2>
          <Notice message={notice} />
          <ErrorAlert message={answer.error} />
          {!data && answer.isLoading ? <Loading label="Henter opfølgningerne…" /> : null}
          {data ? <FollowupLists data={data} run={run} /> : null}
        </section>
      ) : null}
      {data && data.dueBefore.length > 0 ? <DueBefore data={data} /> : null}
    </>
  );
}

function FollowupLists({ data, run }: { data: MeetingFollowups; run: RunAction }) {
  return (
    <>
      {data.canManage ? (
        <>
          <h3 id="opfoelgning-forslag">
            Forslag fundet i beslutningerne ({data.suggestions.length})
          </h3>
          {data.suggestions.length === 0 ? (
            <p className="muted">Der er ingen forslag, der venter.</p>
          ) : (
            <ul className="followup-list" aria-labelledby="opfoelgning-forslag">
              {data.suggestions.map((followup) => (
                <li key={followup.id}>
                  <FollowupSummary followup={followup} headingLevel={4} showStatus={false}>
                    <SuggestionActions followup={followup} members={data.members} run={run} />
                  </FollowupSummary>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      <h3 id="opfoelgning-bekraeftet">Bekræftede opfølgninger ({data.confirmed.length})</h3>
      {data.confirmed.length === 0 ? (
        <p className="muted">Ingen opfølgninger er bekræftet endnu.</p>
      ) : (
        <ul className="followup-list" aria-labelledby="opfoelgning-bekraeftet">
          {data.confirmed.map((followup) => (
            <li key={followup.id}>
              <FollowupSummary followup={followup} headingLevel={4}>
                {data.canManage ? (
                  <ConfirmedActions followup={followup} members={data.members} run={run} />
                ) : null}
              </FollowupSummary>
            </li>
          ))}
        </ul>
      )}
      {data.rejected.length > 0 ? (
        <details className="followup-rejected">
          <summary>{countText(data.rejected.length, 'afvist forslag', 'afviste forslag')}</summary>
          <ul className="plain-list">
            {data.rejected.map((followup) => (
              <li key={followup.id}>
                Punkt {followup.item.number}: {followup.text}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

function DueBefore({ data }: { data: MeetingFollowups }) {
  return (
    <section aria-labelledby="opfoelgning-frist" className="panel followup-panel">
      <h2 id="opfoelgning-frist">Opfølgninger med frist inden mødet</h2>
      <p className="muted">Åbne opfølgninger fra forummets tidligere møder.</p>
      <ul className="followup-list">
        {data.dueBefore.map((followup) => (
          <li key={followup.id}>
            <FollowupSummary followup={followup} showOrigin />
          </li>
        ))}
      </ul>
    </section>
  );
}
