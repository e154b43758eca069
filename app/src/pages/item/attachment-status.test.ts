import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../api/types.ts';
import { accessErrorText, accessSavedText, textStatusText } from './attachment-status.ts';

describe('textStatusText', () => {
  it('says in short Danish how far the text has been read for search', () => {
    const said: Array<[Attachment['textStatus'], string | null]> = [
      ['pending', 'Teksten læses til søgning …'],
      ['working', 'Teksten læses til søgning …'],
      ['failed', 'Teksten kunne ikke læses'],
      ['none', 'Ingen tekst at søge i'],
    ];
    for (const [status, text] of said) expect(textStatusText(status)).toBe(text);
  });

  it('says nothing once the text is read, or for a Bilag without a file', () => {
    expect(textStatusText('done')).toBeNull();
    expect(textStatusText(null)).toBeNull();
  });
});

describe('the messages of "Offentligt bilag"', () => {
  it('confirms the access that was saved', () => {
    expect(accessSavedText('Budgetnotat', true)).toBe('Bilaget "Budgetnotat" er offentligt.');
    expect(accessSavedText('Budgetnotat', false)).toBe(
      'Bilaget "Budgetnotat" er ikke offentligt. Offentligheden ser kun titlen.',
    );
  });

  it('names the Bilag, the change and the server’s reason when saving failed', () => {
    expect(
      accessErrorText('Budgetnotat', false, 'Det kræver, at du er sekretær for forummet.'),
    ).toBe(
      'Bilaget "Budgetnotat" kunne ikke markeres som ikke offentligt: Det kræver, at du er sekretær for forummet.',
    );
    expect(accessErrorText('Budgetnotat', true, 'Findes ikke.')).toBe(
      'Bilaget "Budgetnotat" kunne ikke gøres offentligt: Findes ikke.',
    );
  });
});
