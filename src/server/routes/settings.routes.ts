import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type InstallationSettings,
  installationSettingsSchema,
} from '../../core/api-contract/settings.ts';
import type { Archive } from '../../services/archive.ts';

/**
 * `GET /api/settings`: what the app needs to know about this installation (the link from
 * journal numbers to the case system). Anyone may read it, signed in or not: it says nothing
 * the /arkiv pages do not show.
 */
export function registerSettingsRoutes(app: FastifyInstance, archive: Archive): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/settings',
    {
      schema: {
        summary: 'Installationens indstillinger, som appen bruger',
        description:
          'caseUrlTemplate er adressen på en sag i kommunens sagssystem (REFERAT_CASE_URL) med {caseNumber} der, hvor journalnummeret skal stå; null når den ikke er sat.',
        response: { 200: installationSettingsSchema },
      },
    },
    async (): Promise<InstallationSettings> => ({
      caseUrlTemplate: archive.caseUrlTemplate ?? null,
    }),
  );
}
