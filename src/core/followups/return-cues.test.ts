import { describe, expect, it } from 'vitest';
import { findReturnCue, forumNamePattern, returnCuePatterns } from './return-cues.ts';

const chefforum = returnCuePatterns('Chefforum');
const committee = returnCuePatterns('Børne- og Skoleudvalget');

describe('findReturnCue', () => {
  it.each([
    'Mie kommer tilbage med et oplæg på chefforum, når hun er længere.',
    'Temaet skal derfor i chefforum igen til en yderligere kvalificering.',
    'Punktet drøftes på Chefforum d. 27. april.',
    'Direktørforum vender tilbage med en plan herfor.',
    'Sagen genoptages på næste møde.',
    'Sagen forelægges igen, når tilbuddene er kommet.',
    'Det blev besluttet at behandle punktet på et senere møde.',
    'Der kommer oplæg om selve ansøgningen på chefforum.',
    'Udsat.',
    'Punktet blev udsat til næste møde.',
    'Status tages op igen i efteråret.',
    'Chefforum ønsker en status på sygefraværet i marts.',
  ])('%s', (sentence) => {
    expect(findReturnCue(sentence, chefforum)).not.toBeNull();
  });

  it('knows a committee by its own name and as "udvalget"', () => {
    expect(findReturnCue('Handleplanen forelægges udvalget i december.', committee)).not.toBeNull();
    expect(findReturnCue('Status gives på udvalgsmødet i oktober.', committee)).not.toBeNull();
    expect(new RegExp(forumNamePattern('Chefforum'), 'iu').test('chefforummet')).toBe(true);
  });

  it.each([
    'Chefforum drøftede oplægget.',
    'Sagen skal ikke i chefforum igen.',
    'Boligsociale indsatser for udsatte familier.',
    'Borgerne udsættes for støj.',
    'Mie kom tilbage fra barsel i maj.',
    'Sagen forelægges Økonomiudvalget.',
    'Referatet fra sidste møde blev godkendt.',
  ])('no return in: %s', (sentence) => {
    expect(findReturnCue(sentence, chefforum)).toBeNull();
  });
});
