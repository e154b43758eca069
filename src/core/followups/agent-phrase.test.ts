import { describe, expect, it } from 'vitest';
import { isLikelyName, leadingAgent, readSubject } from './agent-phrase.ts';

const subjectOf = (text: string) => readSubject(text.split(' '));

describe('readSubject', () => {
  it.each([
    ['Cheferne', 'Cheferne'],
    ['Bente Poulsen', 'Bente Poulsen'],
    ['Susanne og Helle', 'Susanne og Helle'],
    ['HR', 'HR'],
    ['Kommunaldirektøren', 'Kommunaldirektøren'],
    ['Direktørforum', 'Direktørforum'],
    [
      'Sekretariat for Netværksstrukturen i samarbejde med afdelingscheferne',
      'Sekretariat for Netværksstrukturen',
    ],
    ['Økonomi & Stab', 'Økonomi & Stab'],
    ['alle chefer', 'Alle chefer'],
    ['Arbejdsgruppen bag analysen', 'Arbejdsgruppen bag analysen'],
  ])('%s can act, as %s', (text, owner) => {
    expect(subjectOf(text)).toEqual({ kind: 'agent', owner });
  });

  it.each([
    ['Teksten', 'thing'],
    ['Notatet til ØU', 'thing'],
    ['Store IT-projekter', 'thing'],
    ['Vi', 'generic'],
    ['man', 'generic'],
    ['Der', 'existential'],
    ['de', 'pronoun'],
  ])('%s is a %s', (text, kind) => {
    expect(subjectOf(text).kind).toBe(kind);
  });

  it('finds the agent that a later pronoun stands for', () => {
    expect(leadingAgent('Cheferne har en rolle ift. at kommunikere, de skal informere')).toBe(
      'Cheferne',
    );
    expect(leadingAgent('Bente Poulsen samler forslagene')).toBe('Bente Poulsen');
    expect(leadingAgent('Det er vigtigt')).toBeUndefined();
  });

  it('takes an unknown capitalized word for a name, but not a definite noun', () => {
    expect(isLikelyName(['Kirstine'])).toBe(true);
    expect(isLikelyName(['Strategien'])).toBe(false);
    expect(isLikelyName(['Projektet'])).toBe(false);
    expect(isLikelyName(['Derfor'])).toBe(false);
  });
});
