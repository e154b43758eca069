import { useId, useRef, useState } from 'react';
import type { Workspace } from '../../api/types.ts';
import {
  communicationEntries,
  communicationLine,
  departmentText,
} from '../../lib/communication-text.ts';

/**
 * On the item that gathers them ("Hvad skal kommunikeres ud til afdelingerne?"): every item's
 * "Kommunikeres ud" message as the minutes will print it, and "Kopiér tekst til afdelingerne",
 * which puts one short plain text on the clipboard for the chiefs to pass on. Where the
 * browser refuses the clipboard, the text is shown selected, to copy by hand.
 */
export function GatheredCommunications({ workspace }: { workspace: Workspace }) {
  const id = useId();
  const [status, setStatus] = useState('');
  const [isManual, setIsManual] = useState(false);
  const manualField = useRef<HTMLTextAreaElement>(null);
  const entries = communicationEntries(workspace.items);
  const text = departmentText(workspace.forum.name, workspace.date, entries);

  const copy = async (): Promise<void> => {
    setStatus('');
    try {
      await navigator.clipboard.writeText(text);
      setIsManual(false);
      setStatus('Teksten er kopieret.');
    } catch {
      // No clipboard (an old browser, a page not served over https, a refused permission).
      setIsManual(true);
      setStatus(
        'Teksten kunne ikke kopieres automatisk. Den er markeret herunder; kopiér den med Ctrl+C.',
      );
      requestAnimationFrame(() => manualField.current?.select());
    }
  };

  return (
    <section className="gathered-communications" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Kommunikeres ud til afdelingerne</h3>
      {entries.length === 0 ? (
        <p className="muted">
          Intet punkt er markeret "Kommunikeres ud" endnu. Sæt hak ved punkterne, så samles
          beskederne her.
        </p>
      ) : (
        <ul className="gathered-list">
          {entries.map((entry) => (
            <li key={entry.number}>{communicationLine(entry)}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button-secondary"
        disabled={entries.length === 0}
        onClick={() => void copy()}
      >
        Kopiér tekst til afdelingerne
      </button>
      <p role="status" className="inline-status">
        {status}
      </p>
      {isManual ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>Tekst til afdelingerne</label>
          <textarea
            id={`${id}-text`}
            ref={manualField}
            readOnly
            rows={entries.length + 2}
            value={text}
          />
        </div>
      ) : null}
    </section>
  );
}
