import { caseUrl } from '../../../src/core/case-url.ts';
import { requestJson } from './client.ts';
import type { InstallationSettings } from './types.ts';

const settingsPath = '/api/settings';

let pending: Promise<InstallationSettings> | null = null;

/**
 * The installation's settings, fetched once per page load (they change only when the server
 * restarts with other settings); a failed fetch is tried again next time it is asked.
 */
export function getSettings(): Promise<InstallationSettings> {
  pending ??= requestJson<InstallationSettings>(settingsPath).catch((error: unknown) => {
    pending = null;
    throw error;
  });
  return pending;
}

/** The journal number's address in the case system, or null without REFERAT_CASE_URL. */
export function caseSystemUrl(
  settings: InstallationSettings | null,
  caseNumber: string,
): string | null {
  return settings?.caseUrlTemplate ? caseUrl(settings.caseUrlTemplate, caseNumber) : null;
}
