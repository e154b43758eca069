import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/client.ts';
import type { UserAccount, UserResult } from '../../api/types.ts';
import { updateUser } from '../../api/users.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';

/**
 * "Nulstil adgangskode", confirmed first: the account gets a new generated password (shown
 * once by the page), must change it at the next sign-in, and is signed out everywhere.
 */
export function PasswordReset({
  user,
  onReset,
}: {
  user: UserAccount;
  onReset: (result: UserResult) => void;
}) {
  const [isConfirming, setIsConfirming] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Keep the keyboard where the user is: on the confirmation, then back on the question.
    if (wasConfirming.current === isConfirming) return;
    wasConfirming.current = isConfirming;
    (isConfirming ? confirmButton : askButton).current?.focus();
  }, [isConfirming]);

  const reset = async (): Promise<void> => {
    setIsBusy(true);
    setError(null);
    try {
      onReset(await updateUser(user.id, { resetPassword: true }));
    } catch (caught) {
      setError(messageOf(caught));
      setIsBusy(false);
    }
  };

  return (
    <div className="password-reset">
      <h3>Adgangskode</h3>
      <ErrorAlert message={error} />
      {isConfirming ? (
        <div className="form-actions">
          <p className="confirm-text">
            {user.name} får en ny adgangskode og bliver logget ud overalt. Fortsæt?
          </p>
          <button
            ref={confirmButton}
            type="button"
            className="button-danger"
            disabled={isBusy}
            onClick={() => void reset()}
          >
            Bekræft ny adgangskode
          </button>
          <button type="button" className="button-secondary" onClick={() => setIsConfirming(false)}>
            Annullér
          </button>
        </div>
      ) : (
        <button
          ref={askButton}
          type="button"
          className="button-secondary"
          onClick={() => setIsConfirming(true)}
        >
          Nulstil adgangskode
        </button>
      )}
    </div>
  );
}
