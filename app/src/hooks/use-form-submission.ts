import { type FormEvent, useState } from 'react';
import { messageOf } from '../api/client.ts';
import type { FormProblem } from '../components/error-summary.tsx';

/** What a form does when it is sent: check its fields, then send them. */
export interface FormSubmissionSteps {
  /** The problems found before anything is sent; the form is sent only when there are none. */
  check: () => FormProblem[];
  /** Sends the form; what it throws becomes the one problem shown. */
  send: () => Promise<void>;
  /** Runs when sending fails, before its message is shown (to empty a password, say). */
  onFailure?: () => void;
}

/** A form's problems, its count of tries, whether it is sending, and its submit handler. */
export interface FormSubmission {
  problems: FormProblem[];
  /** For the error summary, which takes the focus again on every try. */
  attempt: number;
  /** True while the form is being sent; its button is disabled meanwhile. */
  isBusy: boolean;
  submit: (event: FormEvent<HTMLFormElement>) => Promise<void>;
}

/**
 * The shared way a form with an error summary is sent: count the try, check the fields and
 * show their problems, and only when there are none send it, busy meanwhile, showing the
 * server's message if it fails.
 */
export function useFormSubmission({ check, send, onFailure }: FormSubmissionSteps): FormSubmission {
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [isBusy, setIsBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const found = check();
    setProblems(found);
    if (found.length > 0) return;
    setIsBusy(true);
    try {
      await send();
    } catch (caught) {
      onFailure?.();
      setProblems([{ message: messageOf(caught) }]);
    } finally {
      setIsBusy(false);
    }
  };

  return { problems, attempt, isBusy, submit };
}
