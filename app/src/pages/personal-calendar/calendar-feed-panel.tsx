import { useId, useRef, useState } from 'react';
import {
  type CreatedPersonalFeed,
  calendarFeedPath,
  createCalendarFeed,
  deleteCalendarFeed,
  type PersonalFeedStatus,
} from '../../api/calendar-feed.ts';
import { messageOf } from '../../api/client.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { Loading } from '../../components/loading.tsx';
import { Notice } from '../../components/notice.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import {
  type CalendarFeedStep,
  calendarFeedStatusText,
  calendarFeedSteps,
} from './calendar-feed-text.ts';
import { NewCalendarAddress } from './new-calendar-address.tsx';

/**
 * The user's calendar address: its status, "Lav kalenderadresse" when there is none, else
 * "Lav en ny adresse" and "Slet adressen", both confirmed first since the old address stops
 * working. A new address is shown once (NewCalendarAddress); what happened is announced in a
 * status region, errors as alerts.
 */
export function CalendarFeedPanel() {
  const id = useId();
  const { data, error, errorStatus, isLoading, setData } =
    useApiData<PersonalFeedStatus>(calendarFeedPath);
  const [created, setCreated] = useState<CreatedPersonalFeed | null>(null);
  const [step, setStep] = useState<CalendarFeedStep | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const run = async (action: () => Promise<void>): Promise<void> => {
    setStep(null);
    setIsBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await action();
    } catch (caught) {
      setActionError(messageOf(caught));
    } finally {
      setIsBusy(false);
    }
  };
  const create = (isReplacing: boolean) =>
    run(async () => {
      const feed = await createCalendarFeed();
      setCreated(feed);
      setData({ exists: true, createdAt: feed.createdAt, lastUsedAt: null });
      setNotice(
        isReplacing
          ? 'Din nye kalenderadresse er lavet. Den gamle virker ikke længere.'
          : 'Din kalenderadresse er lavet.',
      );
    });
  const remove = () =>
    run(async () => {
      await deleteCalendarFeed();
      setCreated(null);
      setData({ exists: false, createdAt: null, lastUsedAt: null });
      setNotice('Adressen er slettet. Den virker ikke længere.');
      // The buttons just used are gone: the keyboard goes on from the section's heading.
      heading.current?.focus();
    });

  if (isLoading && !data) return <Loading />;
  if (!data) return <LoadError error={error} status={errorStatus} />;
  return (
    <>
      <section aria-labelledby={`${id}-heading`} className="panel">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          Din kalenderadresse
        </h2>
        <Notice message={notice} />
        <ErrorAlert message={actionError} />
        <p>{calendarFeedStatusText(data)}</p>
        <div className="form-actions">
          {data.exists ? (
            <>
              <button
                type="button"
                className="button-primary"
                disabled={isBusy}
                onClick={() => setStep('replace')}
              >
                Lav en ny adresse
              </button>
              <button
                type="button"
                className="button-secondary"
                disabled={isBusy}
                onClick={() => setStep('delete')}
              >
                Slet adressen
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button-primary"
              disabled={isBusy}
              onClick={() => void create(false)}
            >
              {isBusy ? 'Laver adressen…' : 'Lav kalenderadresse'}
            </button>
          )}
        </div>
      </section>
      {created ? <NewCalendarAddress feed={created} onHide={() => setCreated(null)} /> : null}
      <ConfirmDialog
        isOpen={step !== null}
        title={step ? calendarFeedSteps[step].title : ''}
        confirmLabel={step ? calendarFeedSteps[step].confirmLabel : ''}
        onConfirm={() => void (step === 'delete' ? remove() : create(true))}
        onCancel={() => setStep(null)}
      >
        <p>{step ? calendarFeedSteps[step].text : ''}</p>
      </ConfirmDialog>
    </>
  );
}
