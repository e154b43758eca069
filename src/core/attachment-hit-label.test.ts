import { describe, expect, test } from 'vitest';
import { attachmentHitLabel } from './attachment-hit-label.ts';

describe('attachmentHitLabel', () => {
  test('names an uploaded Bilag by its file name', () => {
    expect(attachmentHitLabel({ title: 'Budgetnotat', fileName: 'Budgetnotat.pdf' })).toBe(
      'i bilag: Budgetnotat.pdf',
    );
  });

  test('adds the title when the file name is only a number', () => {
    expect(attachmentHitLabel({ title: 'Arbejdsoplæg', fileName: '3629343E3.DOCX' })).toBe(
      'i bilag: Arbejdsoplæg (3629343E3.DOCX)',
    );
  });

  test('falls back on the title without a file', () => {
    expect(attachmentHitLabel({ title: 'Takstblad 2020', fileName: null })).toBe(
      'i bilag: Takstblad 2020',
    );
  });
});
