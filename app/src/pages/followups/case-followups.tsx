import { caseFollowupsPath, type FollowupView } from '../../api/followups.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import { useSession } from '../../session/use-session.ts';
import { FollowupSummary } from './followup-summary.tsx';
import './followups.css';

/**
 * "Opfølgninger" on a case page: the confirmed follow-ups of the case's items, in the forums
 * whose follow-ups the signed-in user may read. Nothing for the anonymous reader, who reads
 * the case but never its follow-ups.
 */
export function CaseFollowups({ caseNumber }: { caseNumber: string }) {
  const { user } = useSession();
  const answer = useApiData<FollowupView[]>(user ? caseFollowupsPath(caseNumber) : null);
  if (!user || answer.errorStatus === 401) return null;
  return (
    <section aria-labelledby="sagens-opfoelgninger" className="panel followup-panel">
      <h2 id="sagens-opfoelgninger">Opfølgninger</h2>
      <ErrorAlert message={answer.error} />
      {answer.data?.length === 0 ? (
        <p className="muted">Sagen har ingen bekræftede opfølgninger.</p>
      ) : null}
      {answer.data && answer.data.length > 0 ? (
        <ul className="followup-list">
          {answer.data.map((followup) => (
            <li key={followup.id}>
              <FollowupSummary followup={followup} showOrigin />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
