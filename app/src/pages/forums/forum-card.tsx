import { useState } from 'react';
import type { Forum } from '../../api/types.ts';
import { ForumEditor } from './forum-editor.tsx';

/** One forum: its abbreviation and members, and a button that opens its editor. */
export function ForumCard({ forum, onSaved }: { forum: Forum; onSaved: (forum: Forum) => void }) {
  const [isEditing, setIsEditing] = useState(false);
  const headingId = `forum-${forum.id}`;
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {forum.name}
        {forum.abbreviation ? <span className="muted"> ({forum.abbreviation})</span> : null}
      </h2>
      {isEditing ? (
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
          <button
            type="button"
            className="button-secondary"
            aria-label={`Rediger ${forum.name}`}
            onClick={() => setIsEditing(true)}
          >
            Rediger
          </button>
        </>
      )}
    </section>
  );
}
