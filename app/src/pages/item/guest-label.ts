import type { ItemGuest } from '../../api/types.ts';

/** "Jens Hansen (oplægsholder)", as the documents write a guest under "Deltagere under punktet". */
export function guestLabel(guest: ItemGuest): string {
  return guest.role ? `${guest.name} (${guest.role})` : guest.name;
}
