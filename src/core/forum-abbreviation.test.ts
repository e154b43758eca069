import { describe, expect, it } from 'vitest';
import { deriveForumAbbreviation } from './forum-abbreviation.ts';

describe('deriveForumAbbreviation', () => {
  it('takes the initials of compound parts, as Danish municipalities do', () => {
    expect(deriveForumAbbreviation('Chefforum')).toBe('CF');
    expect(deriveForumAbbreviation('Økonomiudvalget')).toBe('ØU');
    expect(deriveForumAbbreviation('Kommunalbestyrelsen')).toBe('KB');
    expect(deriveForumAbbreviation('Børne- og Skoleudvalget')).toBe('BSU');
    expect(deriveForumAbbreviation('Hoved-MED')).toBe('HMED');
  });

  it('keeps a name it cannot shorten', () => {
    expect(deriveForumAbbreviation('X')).toBe('X');
  });
});
