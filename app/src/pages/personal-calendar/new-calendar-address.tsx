import { useEffect, useId, useRef, useState } from 'react';
import type { CreatedPersonalFeed } from '../../api/calendar-feed.ts';

/**
 * A calendar address just made, shown this once: in a read-only field to copy ("Kopiér"),
 * and as a webcal link that opens the calendar program to subscribe. Its heading takes focus,
 * so a screen reader hears at once that the address is there and must be kept now.
 */
export function NewCalendarAddress({
  feed,
  onHide,
}: {
  feed: CreatedPersonalFeed;
  onHide: () => void;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copy = async (): Promise<void> => {
    setCopyStatus('');
    try {
      await navigator.clipboard.writeText(feed.url);
      setCopyStatus('Adressen er kopieret.');
    } catch {
      // No clipboard (an old browser, a page not served over https, a refused permission).
      field.current?.select();
      setCopyStatus(
        'Adressen kunne ikke kopieres automatisk. Den er markeret; kopiér den med Ctrl+C.',
      );
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="panel generated-password">
      <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
        Din nye kalenderadresse
      </h2>
      <p>Adressen vises kun denne ene gang. Kopiér den nu, og læg den ind i din kalender.</p>
      <div className="field">
        <label htmlFor={`${id}-url`}>Kalenderadresse</label>
        <input
          id={`${id}-url`}
          ref={field}
          type="text"
          readOnly
          value={feed.url}
          aria-describedby={`${id}-hint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <p id={`${id}-hint`} className="hint">
          I Outlook: vælg Tilføj kalender, Abonnér fra nettet (eller Fra internettet), og sæt
          adressen ind.
        </p>
      </div>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => void copy()}>
          Kopiér
        </button>
        <a className="button-link" href={feed.webcalUrl}>
          Åbn i kalenderprogrammet
        </a>
        <button type="button" className="button-quiet" onClick={onHide}>
          Skjul adressen
        </button>
      </div>
      <p role="status" className="copy-status">
        {copyStatus}
      </p>
    </section>
  );
}
