import { describe, expect, it } from 'vitest';
import { readClause } from './clause-reader.ts';

const plain = { hasDueDate: false, isDecisionContent: false };
const withDue = { hasDueDate: true, isDecisionContent: false };

describe('readClause', () => {
  it('reads someone acting in the present or after a modal as a strong task', () => {
    expect(readClause('Cheferne opdaterer status for trafiklys', plain)?.task).toMatchObject({
      strength: 'strong',
      owner: 'Cheferne',
    });
    expect(
      readClause(
        'Cheferne skal indsende deres forslag til Bente Poulsen senest d. 21.juni.',
        withDue,
      )?.task,
    ).toEqual({
      strength: 'strong',
      verb: 'indsende',
      owner: 'Cheferne',
      recipient: 'Bente Poulsen',
    });
    expect(
      readClause('Cheferne opfordres til at give arbejdsgruppen input', plain)?.task,
    ).toMatchObject({
      owner: 'Cheferne',
    });
    expect(readClause('dette skal cheferne sørge for at kommunikere', plain)?.task).toMatchObject({
      owner: 'Cheferne',
    });
    expect(readClause('HR har ansvaret for den videre proces', plain)?.task?.owner).toBe('HR');
  });

  it('reads an action without an actor as a weak task', () => {
    for (const clause of [
      'Teksten opdateres og gøres grønne',
      'Der skal gøres en sag klar',
      'Herudover opdateres planen med, hvem der er ansvarlig.',
      'Til begge netværk skal findes en stærk netværksleder.',
      'Der skal ses nærmere på besparelserne.',
    ])
      expect(readClause(clause, plain)?.task?.strength, clause).toBe('weak');
  });

  it('reads a state as a task only with a deadline', () => {
    const clause = 'De talmæssige besparelsesforslag skal være færdige før sommerferien.';
    expect(readClause(clause, withDue)?.task?.strength).toBe('weak');
    expect(readClause(clause, plain)?.task).toBeUndefined();
  });

  it('reads facts, past actions, intentions and other bodies’ decisions as no task', () => {
    for (const clause of [
      'Chefforum drøftede oplægget med følgende kommentarer:',
      'Orienteringen blev taget til efterretning.',
      'Vi skal arbejde med referenceledelsen',
      'Man ser på de budgetgaranterede områder',
      'Kommunalbestyrelsen skal godkende anvendelsesstrategien',
      'Katrine vil gerne træde til som netværksleder.',
      'Der skal ikke arbejdes videre med forslaget.',
      'Det blev besluttet at tage afsæt i visionen',
      'Der findes ingen data',
      'Der sættes fokus på trivsel',
      'Formanden orienterer om status',
    ])
      expect(readClause(clause, plain)?.task, clause).toBeUndefined();
  });

  it('takes the decision itself for no task when a thing is launched', () => {
    const clause = 'læringsnetværket igangsættes.';
    expect(
      readClause(clause, { hasDueDate: false, isDecisionContent: true })?.task,
    ).toBeUndefined();
    expect(readClause('Der igangsættes en opbremsningsplan.', plain)?.task?.strength).toBe('weak');
  });
});
