import { useEffect, useRef, useState } from 'react';

/** A generated password to hand over: whose it is, and the password. */
export interface HandedPassword {
  username: string;
  name: string;
  password: string;
}

/**
 * The generated password of a new or reset account, shown this once with a copy button and
 * the note that it must be changed at the first sign-in. Its heading takes focus, so a screen
 * reader hears it at once.
 */
export function GeneratedPassword({
  handed,
  onDone,
}: {
  handed: HandedPassword;
  onDone: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [copyStatus, setCopyStatus] = useState('');
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(handed.password);
      setCopyStatus('Adgangskoden er kopieret.');
    } catch {
      setCopyStatus('Adgangskoden kunne ikke kopieres. Markér den, og kopiér den selv.');
    }
  };

  return (
    <section aria-labelledby="ny-adgangskode" className="panel generated-password">
      <h2 id="ny-adgangskode" ref={heading} tabIndex={-1}>
        Adgangskode til {handed.name}
      </h2>
      <p>
        Brugernavn: <strong>{handed.username}</strong>
      </p>
      <p>
        Adgangskode: <code className="password-text">{handed.password}</code>
      </p>
      <p>
        Adgangskoden vises kun denne ene gang. Giv den til brugeren på en sikker måde. Brugeren skal
        skifte den ved første log ind.
      </p>
      <div className="form-actions">
        <button type="button" className="button-primary" onClick={() => void copy()}>
          Kopiér adgangskoden
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Skjul adgangskoden
        </button>
      </div>
      <p role="status" className="copy-status">
        {copyStatus}
      </p>
    </section>
  );
}
