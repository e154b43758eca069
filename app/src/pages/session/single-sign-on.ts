/**
 * The single sign-on button's text: "Log ind med <name>", or the name as it is when the
 * server's setting already is a whole sentence ("Log ind med single sign-on").
 */
export function singleSignOnLabel(name: string): string {
  const trimmed = name.trim();
  if (/^log ind\b/iu.test(trimmed)) return trimmed;
  return `Log ind med ${trimmed}`;
}

/** The address that starts single sign-on and returns to `returnTo` afterwards. */
export function singleSignOnUrl(startUrl: string, returnTo: string): string {
  if (returnTo === '/') return startUrl;
  const separator = startUrl.includes('?') ? '&' : '?';
  return `${startUrl}${separator}returnTo=${encodeURIComponent(returnTo)}`;
}
