import { useState } from 'react';
import { forumVisibilityLabels } from '../../../../src/core/policies/targets.ts';
import type { Forum, ForumMember, ForumView } from '../../api/types.ts';
import { Link } from '../../router/link.tsx';
import { paths } from '../../router/routes.ts';
import { useSession } from '../../session/use-session.ts';
import { ForumEditor } from './forum-editor.tsx';
import { ForumPracticeSummary } from './forum-practice-summary.tsx';

/**
 * One forum: its abbreviation, who may read it, its members, its purposes and standing items,
 * and "Rediger" for those the server lets edit it.
 */
export function ForumCard({
  forum,
  onSaved,
}: {
  forum: ForumView;
  onSaved: (forum: Forum) => void;
}) {
  const [isEditing, setIsEditing] = useState(false);
  const { user } = useSession();
  // The plan ahead is the forum's own: its members, its secretaries and the administrators.
  const canSeePlan =
    user?.isAdministrator || user?.forumRoles.some((role) => role.forumId === forum.id);
  const headingId = `forum-${forum.id}`;
  const canEdit = forum.permissions.canEdit;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {forum.name}
        {forum.abbreviation ? <span className="muted"> ({forum.abbreviation})</span> : null}
      </h2>
      {isEditing && canEdit ? (
        <ForumEditor
          forum={forum}
          onSaved={(saved) => {
            setIsEditing(false);
            onSaved(saved);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <>
          <p>
            <strong>{forumVisibilityLabels[forum.visibility]}:</strong>{' '}
            {forum.visibility === 'public'
              ? 'alle kan læse udsendte dagsordener og referater.'
              : 'kun forummets medlemmer kan læse møderne.'}
            {forum.hidesContactDetails
              ? ' De offentlige versioner viser ikke e-mailadresser og telefonnumre.'
              : ''}
          </p>
          <h3>Medlemmer</h3>
          {forum.members.length === 0 ? (
            <p className="muted">Ingen medlemmer endnu.</p>
          ) : (
            <ul className="plain-list">
              {forum.members.map((member) => (
                <li key={`${member.name}-${member.role ?? ''}`}>
                  {member.name}
                  {member.role ? <span className="muted"> ({member.role})</span> : null}
                  <MemberContact member={member} />
                </li>
              ))}
            </ul>
          )}
          <ForumPracticeSummary forum={forum} />
          {canSeePlan ? (
            <p>
              <Link to={paths.yearPlan(forum.id)}>Årsplan, årshjul og punktbank</Link>
            </p>
          ) : null}
          {canEdit ? (
            <button
              type="button"
              className="button-secondary"
              aria-label={`Rediger ${forum.name}`}
              onClick={() => setIsEditing(true)}
            >
              Rediger
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * What an editor sees of a member's e-mail: the address, what they receive, and the deputy.
 * Other readers get no contact details from the server, and nothing shows.
 */
function MemberContact({ member }: { member: ForumMember }) {
  if (member.email === undefined) return null;
  const receives = [
    member.receives?.agenda ? 'dagsorden' : null,
    member.receives?.minutes ? 'referat' : null,
  ].filter(Boolean);
  return (
    <span className="muted">
      {' · '}
      {member.email
        ? `${member.email} (får ${receives.length > 0 ? receives.join(' og ') : 'intet'})`
        : 'ingen e-mail'}
      {member.deputy ? ` · stedfortræder: ${member.deputy.name}` : ''}
    </span>
  );
}
