import type { Attachment } from '../../api/types.ts';

/** The badge of a Bilag marked not public: the public sees its title only. */
export const notPublicLabel = 'Ikke offentligt';

/**
 * How far reading a Bilag's text for search has come, in short Danish for those who edit its
 * Bilag; null when there is nothing to say (the text is read, or there is no file).
 */
export function textStatusText(status: Attachment['textStatus']): string | null {
  switch (status) {
    case 'pending':
    case 'working':
      return 'Teksten læses til søgning …';
    case 'failed':
      return 'Teksten kunne ikke læses';
    case 'none':
      return 'Ingen tekst at søge i';
    default:
      return null;
  }
}

/** The Danish message when marking a Bilag public or not public failed, with the reason. */
export function accessErrorText(title: string, isPublic: boolean, reason: string): string {
  const change = isPublic ? 'gøres offentligt' : 'markeres som ikke offentligt';
  return `Bilaget "${title}" kunne ikke ${change}: ${reason}`;
}

/** The confirmation once a Bilag's access is saved. */
export function accessSavedText(title: string, isPublic: boolean): string {
  return isPublic
    ? `Bilaget "${title}" er offentligt.`
    : `Bilaget "${title}" er ikke offentligt. Offentligheden ser kun titlen.`;
}
