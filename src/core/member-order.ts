/** Someone who can be absent: a forum member or a person written into an item's Fraværende. */
export interface NamedPerson {
  name: string;
}

/**
 * Puts people in the forum's member order (forum_members.position), so that every list of
 * absentees (meeting mode, the item page, the minutes) names them in the same order whatever
 * order they were ticked in. People who are not, or no longer, members of the forum keep their
 * given order after the members. Matching is by name, as Fraværende stores names.
 */
export function orderByMembers<Person extends NamedPerson>(
  people: readonly Person[],
  members: readonly NamedPerson[],
): Person[] {
  const positions = new Map<string, number>();
  for (const [position, member] of members.entries())
    if (!positions.has(member.name)) positions.set(member.name, position);
  const rank = (person: Person): number => positions.get(person.name) ?? members.length;
  // Array.prototype.sort is stable, so non-members (equal rank) keep their given order.
  return [...people].sort((one, other) => rank(one) - rank(other));
}

/**
 * The absentees with one more person, in member order; the list as it was when the person is
 * already on it (by name). The rule for adding someone to an item's Fraværende, whether one item
 * or the whole meeting.
 */
export function withAbsentPerson<Person extends NamedPerson>(
  absent: readonly Person[],
  person: Person,
  members: readonly NamedPerson[],
): Person[] {
  if (absent.some((entry) => entry.name === person.name)) return orderByMembers(absent, members);
  return orderByMembers([...absent, person], members);
}
