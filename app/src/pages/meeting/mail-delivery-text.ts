import type { MailDelivery, MeetingMailDeliveries } from '../../api/types.ts';

/*
 * The words of the delivery panel ("Udsendelse pr. e-mail"), kept apart from the component so
 * that they can be tested without a browser.
 */

const clockFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  hour: '2-digit',
  minute: '2-digit',
});

const dayFormat = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "Sendt kl. 13.05 d. 14. juni 2026", "Fejlet: …" or "Sendes…". */
export function deliveryStatusText(
  delivery: Pick<MailDelivery, 'state' | 'error' | 'sentAt'>,
): string {
  switch (delivery.state) {
    case 'sent': {
      const sentAt = new Date(delivery.sentAt ?? '');
      if (Number.isNaN(sentAt.getTime())) return 'Sendt';
      return `Sendt kl. ${clockFormat.format(sentAt)} d. ${dayFormat.format(sentAt)}`;
    }
    case 'failed':
      return `Fejlet: ${delivery.error ?? 'ukendt fejl'}`;
    case 'sending':
      return 'Sendes…';
  }
}

const kindLabels: Record<MailDelivery['kind'], string> = {
  agenda: 'Dagsorden',
  minutes: 'Referat',
  invitation: 'Ny tid eller nyt sted',
  cancellation: 'Aflysning',
};

/** "Dagsorden, version 2", "Aflysning". */
export function deliveryKindText(
  delivery: Pick<MailDelivery, 'kind' | 'publicationNumber'>,
): string {
  const label = kindLabels[delivery.kind];
  return delivery.publicationNumber === null
    ? label
    : `${label}, version ${delivery.publicationNumber}`;
}

const eventLabels: Record<string, string> = {
  'agenda.published': 'Dagsorden',
  'minutes.published': 'Referat',
  'minutes.corrected': 'Rettet referat',
  'meeting.details_changed': 'Ny tid eller nyt sted',
  'absences.changed': 'Invitation til stedfortræder',
  'meeting.cancelled': 'Aflysning',
};

/** "Dagsorden venter på at blive sendt." or "Referat blev opgivet: …". */
export function queueText(entry: MeetingMailDeliveries['queue'][number]): string {
  const label = eventLabels[entry.type] ?? 'E-mail';
  if (entry.status === 'failed')
    return `${label}: opgivet efter flere forsøg${entry.error ? ` (${entry.error})` : ''}.`;
  return entry.error
    ? `${label}: prøves igen om lidt (${entry.error}).`
    : `${label}: venter på at blive sendt.`;
}

/** Why nothing leaves the server, when no mail server is set up; null when one is. */
export function transportNotice(transport: MeetingMailDeliveries['transport']): string | null {
  switch (transport.kind) {
    case 'smtp':
      return null;
    case 'files':
      return `E-mail er ikke sat op; beskederne er gemt som filer i ${transport.directory ?? 'datamappen'}.`;
    case 'none':
      return 'E-mail er ikke sat op på denne server; der sendes intet.';
  }
}
