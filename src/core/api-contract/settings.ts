import { z } from 'zod';

/**
 * The installation's settings that the app needs (`GET /api/settings`): none is secret, and
 * the public portal shows their effect anyway.
 */
export const installationSettingsSchema = z.object({
  /**
   * REFERAT_CASE_URL: the address of a case in the municipality's own case system, with
   * `{caseNumber}` where the journal number (URL-encoded) goes; null when not set.
   */
  caseUrlTemplate: z.string().nullable(),
});

export type InstallationSettings = z.infer<typeof installationSettingsSchema>;
