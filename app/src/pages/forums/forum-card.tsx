import { useState } from 'react';
import { forumVisibilityLabels } from '../../../../src/core/policies/targets.ts';
import type { Forum, ForumView } from '../../api/types.ts';
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
                </li>
              ))}
            </ul>
          )}
          <ForumPracticeSummary forum={forum} />
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
