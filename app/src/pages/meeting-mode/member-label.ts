import type { ForumMember } from '../../api/types.ts';

/** "Rikke Blom (Direktør BSV)", as the minutes write a member. */
export function memberLabel(member: ForumMember): string {
  return member.role ? `${member.name} (${member.role})` : member.name;
}
