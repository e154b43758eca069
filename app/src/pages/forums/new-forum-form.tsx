import { type FormEvent, useId, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import { createForum } from '../../api/forums.ts';
import type { Forum, ForumVisibility } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { VisibilityFields } from './visibility-fields.tsx';

/** "Nyt forum" (administrators): name, abbreviation and visibility, internal unless chosen. */
export function NewForumForm({ onCreated }: { onCreated: (forum: Forum) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [abbreviation, setAbbreviation] = useState('');
  const [visibility, setVisibility] = useState<ForumVisibility>('internal');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return setError('Skriv forummets navn.');
    setError(null);
    setIsSaving(true);
    try {
      const forum = await createForum({
        name: name.trim(),
        abbreviation: abbreviation.trim(),
        visibility,
      });
      setName('');
      setAbbreviation('');
      setVisibility('internal');
      onCreated(forum);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Navn</label>
        <input
          id={`${id}-name`}
          type="text"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${id}-abbreviation`}>Forkortelse</label>
        <input
          id={`${id}-abbreviation`}
          type="text"
          value={abbreviation}
          placeholder="Fx CF"
          onChange={(e) => setAbbreviation(e.target.value)}
        />
      </div>
      <VisibilityFields value={visibility} onChange={setVisibility} />
      <ErrorAlert message={error} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isSaving}>
          Opret forum
        </button>
      </div>
    </form>
  );
}
