/**
 * A tiny router over the History API: the current location as a string that React reads with
 * useSyncExternalStore, and navigate() that pushes a new entry and tells the subscribers.
 */

const navigationEvent = 'referat:navigate';

/** The current path with its query string, "/soeg?q=budget". */
export function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Subscribes to every change of location: back/forward and navigate(). */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigationEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigationEvent, onChange);
  };
}

let leaveGuard: (() => boolean) | null = null;

/**
 * Lets a page with unsaved work ask before navigate() leaves it: the guard answers whether
 * leaving is fine. One guard at a time; pass null to remove it.
 */
export function setLeaveGuard(guard: (() => boolean) | null): void {
  leaveGuard = guard;
}

/** Goes to a path inside the app without a page load (unless a leave guard says no). */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentLocation()) return;
  if (leaveGuard && !leaveGuard()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(navigationEvent));
}
