import { describe, expect, it } from 'vitest';
import { adoptedPointNumbers } from './adopted-recommendation.ts';

describe('adoptedPointNumbers', () => {
  it.each([
    'Chefforum godkendte indstillingen.',
    'Chefforum godkendte indstillingerne med bemærkninger.',
    'Indstillingen blev godkendt.',
    'Chefforum tiltrådte indstillingen.',
    'Godkendt.',
    'Godkendt med den ændring, at datoen flyttes.',
    'Anbefales godkendt.',
    'Som indstillet.',
    'Drøftet. Chefforum tiltrådte.',
  ])('%s adopts every point', (decision) => {
    expect(adoptedPointNumbers(decision, 3)).toEqual([1, 2, 3]);
  });

  it('adopts only the points it names', () => {
    expect(adoptedPointNumbers('Indstillingens punkt 1 og 3 blev godkendt.', 3)).toEqual([1, 3]);
  });

  it.each([
    'Chefforum drøftede oplægget.',
    'Indstillingen blev ikke godkendt.',
    'Chefforum godkendte dagsorden og referat.',
    null,
  ])('%s adopts nothing', (decision) => {
    expect(adoptedPointNumbers(decision, 2)).toEqual([]);
  });
});
