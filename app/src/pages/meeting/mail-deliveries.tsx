import { useEffect, useRef } from 'react';
import type { MeetingMailDeliveries, Workspace } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { Loading } from '../../components/loading.tsx';
import { useApiData } from '../../hooks/use-api-data.ts';
import {
  deliveryKindText,
  deliveryStatusText,
  queueText,
  transportNotice,
} from './mail-delivery-text.ts';

/** How often the panel looks again while mail waits to be sent. */
const pollWhileWaitingMs = 5_000;

/**
 * "Udsendelse pr. e-mail": who was sent the agenda, the minutes and the invitations, and
 * whether each mail went out ("Sendt kl. …") or not ("Fejlet: …"). For the forum's
 * secretaries and the administrators, as the server allows (the same right as the preview).
 * Publishing commits at once and the mail follows from the outbox, so the panel looks again
 * after each change of the meeting and every few seconds while mail waits.
 */
export function MailDeliveries({ workspace }: { workspace: Workspace }) {
  const canSee = workspace.permissions.canPreview;
  const answer = useApiData<MeetingMailDeliveries>(
    canSee ? `/api/meetings/${workspace.id}/deliveries` : null,
  );
  const { reload, data } = answer;
  // A publication bumps the meeting's version: its mail is on the way.
  const seenVersion = useRef(workspace.version);
  useEffect(() => {
    if (seenVersion.current === workspace.version) return;
    seenVersion.current = workspace.version;
    reload();
  }, [workspace.version, reload]);
  const isWaiting =
    data?.queue.some((entry) => entry.status === 'pending') === true ||
    data?.deliveries.some((entry) => entry.state === 'sending') === true;
  useEffect(() => {
    if (!isWaiting) return;
    const timer = setTimeout(reload, pollWhileWaitingMs);
    return () => clearTimeout(timer);
  }, [isWaiting, reload]);
  if (!canSee) return null;

  const notice = data ? transportNotice(data.transport) : null;
  const deliveries = data ? [...data.deliveries].reverse() : [];
  return (
    <section aria-labelledby="udsendelse-pr-e-mail" className="panel">
      <h2 id="udsendelse-pr-e-mail">Udsendelse pr. e-mail</h2>
      <ErrorAlert message={answer.error} />
      {!data && answer.isLoading ? <Loading label="Henter udsendelsen…" /> : null}
      {notice ? <p className="alert alert-info">{notice}</p> : null}
      {data && data.queue.length > 0 ? (
        <ul className="plain-list" aria-label="Venter på udsendelse">
          {data.queue.map((entry) => (
            <li key={entry.eventId}>{queueText(entry)}</li>
          ))}
        </ul>
      ) : null}
      {data && deliveries.length === 0 && data.queue.length === 0 ? (
        <p className="muted">Der er ikke sendt e-mail om mødet endnu.</p>
      ) : null}
      {deliveries.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">E-mails om mødet, nyeste først</caption>
            <thead>
              <tr>
                <th scope="col">Modtager</th>
                <th scope="col">Indhold</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    {delivery.recipientName}
                    {delivery.role === 'deputy' ? ' (stedfortræder)' : ''}
                    <br />
                    <span className="muted">{delivery.email}</span>
                  </td>
                  <td>{deliveryKindText(delivery)}</td>
                  <td className={delivery.state === 'failed' ? 'field-error' : undefined}>
                    {deliveryStatusText(delivery)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <button type="button" className="button-secondary" onClick={reload}>
        Opdater
      </button>
    </section>
  );
}
