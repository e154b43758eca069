import { describe, expect, it } from 'vitest';
import {
  deliveryKindText,
  deliveryStatusText,
  queueText,
  transportNotice,
} from './mail-delivery-text.ts';

describe('the delivery panel’s words', () => {
  it('says when a mail was sent, in Copenhagen time, or why it failed', () => {
    expect(
      deliveryStatusText({ state: 'sent', error: null, sentAt: '2026-06-14T11:05:00.000Z' }),
    ).toBe('Sendt kl. 13.05 d. 14. juni 2026');
    expect(
      deliveryStatusText({
        state: 'failed',
        error: 'Mailserveren afviste e-mailen (550 Mailbox unavailable)',
        sentAt: null,
      }),
    ).toBe('Fejlet: Mailserveren afviste e-mailen (550 Mailbox unavailable)');
    expect(deliveryStatusText({ state: 'sending', error: null, sentAt: null })).toBe('Sendes…');
  });

  it('names what was sent', () => {
    expect(deliveryKindText({ kind: 'agenda', publicationNumber: 2 })).toBe('Dagsorden, version 2');
    expect(deliveryKindText({ kind: 'cancellation', publicationNumber: null })).toBe('Aflysning');
  });

  it('explains the queue', () => {
    expect(
      queueText({ eventId: 1, type: 'agenda.published', status: 'pending', error: null }),
    ).toBe('Dagsorden: venter på at blive sendt.');
    expect(
      queueText({ eventId: 2, type: 'minutes.published', status: 'failed', error: 'nede' }),
    ).toBe('Referat: opgivet efter flere forsøg (nede).');
  });

  it('says where the messages are when no mail server is set up', () => {
    expect(transportNotice({ kind: 'smtp', directory: null })).toBeNull();
    expect(transportNotice({ kind: 'files', directory: '/srv/referat/data/outbox' })).toBe(
      'E-mail er ikke sat op; beskederne er gemt som filer i /srv/referat/data/outbox.',
    );
  });
});
