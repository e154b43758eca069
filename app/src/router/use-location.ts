import { useSyncExternalStore } from 'react';
import { currentLocation, subscribeToLocation } from './history.ts';

/** The current location split into path and query string; re-renders on navigation. */
export function useLocation(): { pathname: string; search: string } {
  const location = useSyncExternalStore(subscribeToLocation, currentLocation);
  const queryStart = location.indexOf('?');
  if (queryStart < 0) return { pathname: location, search: '' };
  return { pathname: location.slice(0, queryStart), search: location.slice(queryStart) };
}
