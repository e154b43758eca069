import { describe, expect, test } from 'vitest';
import {
  communicationLengthText,
  communicationStatusText,
  communicationValue,
} from './communication-status.ts';

describe('communicationStatusText', () => {
  // 13:32 UTC is 14:32 in Copenhagen in winter.
  const savedAt = new Date('2026-12-14T13:32:00Z');

  test('says nothing before the first edit', () => {
    expect(communicationStatusText({ kind: 'idle' })).toBe('');
  });

  test('says it is saving while waiting and while under way', () => {
    expect(communicationStatusText({ kind: 'pending' })).toBe('Gemmer beskeden …');
    expect(communicationStatusText({ kind: 'saving' })).toBe('Gemmer beskeden …');
  });

  test('gives the Copenhagen time of the save', () => {
    expect(communicationStatusText({ kind: 'saved', savedAt, isCleared: false })).toBe(
      'Beskeden er gemt kl. 14:32.',
    );
  });

  test('says the message is gone when the box was unticked', () => {
    expect(communicationStatusText({ kind: 'saved', savedAt, isCleared: true })).toBe(
      'Punktet skal ikke kommunikeres ud; beskeden er fjernet kl. 14:32.',
    );
  });

  test("gives the server's reason as a sentence", () => {
    expect(
      communicationStatusText({ kind: 'failed', reason: 'Referatet er godkendt og låst' }),
    ).toBe('Beskeden kunne ikke gemmes: Referatet er godkendt og låst.');
    expect(communicationStatusText({ kind: 'failed', reason: 'Prøv igen!' })).toBe(
      'Beskeden kunne ikke gemmes: Prøv igen!',
    );
    expect(communicationStatusText({ kind: 'failed', reason: ' ' })).toBe(
      'Beskeden kunne ikke gemmes: ukendt fejl.',
    );
  });
});

describe('communicationValue', () => {
  test('is the trimmed text when the box is ticked', () => {
    expect(communicationValue(true, '  Ny statistik hvert kvartal.\n')).toBe(
      'Ny statistik hvert kvartal.',
    );
  });

  test('is null when the box is unticked, whatever the text', () => {
    expect(communicationValue(false, 'Ny statistik')).toBeNull();
  });

  test('is null for a blank text, so no empty message is stored', () => {
    expect(communicationValue(true, ' \n ')).toBeNull();
  });
});

describe('communicationLengthText', () => {
  test('counts the characters against the limit', () => {
    expect(communicationLengthText('')).toBe('0 af 2000 tegn');
    expect(communicationLengthText('Æblegrød')).toBe('8 af 2000 tegn');
  });
});
