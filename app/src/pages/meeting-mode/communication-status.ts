import { formatClockTime } from '../../lib/clock-time.ts';

/** Where an item's "Kommunikeres ud" message is on its way to the server. */
export type CommunicationStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; savedAt: Date; isCleared: boolean }
  | { kind: 'failed'; reason: string };

/** The most characters a message may have: short enough to pass on as it is. */
export const longestCommunication = 2000;

/**
 * The status line under the message, as one Danish sentence: saved with the time, removed,
 * under way, or not saved with the server's reason; nothing before the first edit.
 */
export function communicationStatusText(status: CommunicationStatus): string {
  switch (status.kind) {
    case 'idle':
      return '';
    case 'pending':
    case 'saving':
      return 'Gemmer beskeden …';
    case 'saved':
      return status.isCleared
        ? `Punktet skal ikke kommunikeres ud; beskeden er fjernet kl. ${formatClockTime(status.savedAt)}.`
        : `Beskeden er gemt kl. ${formatClockTime(status.savedAt)}.`;
    case 'failed':
      return `Beskeden kunne ikke gemmes: ${asSentence(status.reason)}`;
  }
}

/** "123 af 2000 tegn", so the writer sees how much room is left. */
export function communicationLengthText(text: string): string {
  return `${text.length} af ${longestCommunication} tegn`;
}

/**
 * The message as it is stored: trimmed, and null when the box is unticked or the text blank,
 * so that an empty message never reaches the documents.
 */
export function communicationValue(isChecked: boolean, text: string): string | null {
  const trimmed = text.trim();
  return isChecked && trimmed ? trimmed : null;
}

function asSentence(message: string): string {
  const trimmed = message.trim() || 'ukendt fejl';
  return /[.!?]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
