import { z } from 'zod';

/**
 * The personal calendar address (`/api/me/calendar-feed`) as the API answers it and the app
 * reads it. The address's token is in the answer to its creation only: it is never stored
 * and cannot be read again.
 */

/** Whether the signed-in user has a calendar address, and when it was made and last used. */
export const personalFeedStatusSchema = z
  .object({
    exists: z.boolean().meta({ description: 'Om brugeren har en kalenderadresse i brug' }),
    createdAt: z
      .string()
      .nullable()
      .meta({ description: 'Hvornår adressen blev lavet (ISO 8601); null uden adresse' }),
    lastUsedAt: z.string().nullable().meta({
      description:
        'Hvornår en kalender sidst hentede adressen (ISO 8601, højst et kvarter gammel); null, hvis den aldrig er hentet',
    }),
  })
  .meta({ description: 'Din personlige kalenderadresse, uden selve adressen' });

/** The signed-in user's calendar address, as it stands (never the address itself). */
export type PersonalFeedStatus = z.infer<typeof personalFeedStatusSchema>;

/** A new calendar address, shown this once. */
export const createdPersonalFeedSchema = z
  .object({
    url: z.string().meta({ description: 'Kalenderens adresse (https://…/kalender.ics)' }),
    webcalUrl: z
      .string()
      .meta({ description: 'Samme adresse med webcal://, som åbner kalenderprogrammet' }),
    createdAt: z.string().meta({ description: 'Hvornår adressen blev lavet (ISO 8601)' }),
  })
  .meta({ description: 'Den nye kalenderadresse; den vises kun denne ene gang' });

/** A new calendar address, as the app shows it once. */
export type CreatedPersonalFeed = z.infer<typeof createdPersonalFeedSchema>;

/** The personal calendar itself: iCalendar text. */
export const personalCalendarSchema = z
  .string()
  .meta({ description: 'iCalendar (text/calendar)', type: 'string' });
