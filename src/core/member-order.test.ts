import { describe, expect, it } from 'vitest';
import { orderByMembers, withAbsentPerson } from './member-order.ts';

const jesper = { name: 'Jesper Nielsen', role: 'Kommunaldirektør' };
const rikke = { name: 'Rikke Blom', role: 'Direktør BSV' };
const anders = { name: 'Anders Berg', role: 'Direktør MBU' };
const members = [jesper, rikke, anders];

describe('orderByMembers', () => {
  it('lists members in the forum order, not the order they were ticked or the alphabet', () => {
    const ticked = [anders, jesper, rikke].map((member) => ({ ...member }));
    expect(orderByMembers(ticked, members).map((person) => person.name)).toEqual([
      'Jesper Nielsen',
      'Rikke Blom',
      'Anders Berg',
    ]);
  });

  it('puts people who are not members after the members, in their given order', () => {
    const people = [
      { name: 'Gæst Zacho', role: null },
      { name: 'Anders Berg', role: 'Direktør MBU' },
      { name: 'Tidligere Adamsen', role: 'Direktør' },
      { name: 'Jesper Nielsen', role: 'Kommunaldirektør' },
    ];
    expect(orderByMembers(people, members).map((person) => person.name)).toEqual([
      'Jesper Nielsen',
      'Anders Berg',
      'Gæst Zacho',
      'Tidligere Adamsen',
    ]);
  });

  it('keeps the people objects as given (their roles) and does not change the input', () => {
    const people = [{ name: 'Rikke Blom', role: 'Direktør, fraværende' }, jesper];
    const frozen = Object.freeze([...people]);
    const ordered = orderByMembers(frozen, members);
    expect(ordered).toEqual([jesper, { name: 'Rikke Blom', role: 'Direktør, fraværende' }]);
    expect(frozen.map((person) => person.name)).toEqual(['Rikke Blom', 'Jesper Nielsen']);
  });

  it('gives the given order back when the forum has no members', () => {
    expect(orderByMembers([rikke, jesper], [])).toEqual([rikke, jesper]);
  });
});

describe('withAbsentPerson', () => {
  it('inserts the person at their place in the member order, not at the end', () => {
    const absent = [jesper, anders];
    expect(withAbsentPerson(absent, rikke, members).map((person) => person.name)).toEqual([
      'Jesper Nielsen',
      'Rikke Blom',
      'Anders Berg',
    ]);
  });

  it('does not add a person twice', () => {
    expect(withAbsentPerson([rikke], { ...rikke }, members)).toEqual([rikke]);
  });
});
