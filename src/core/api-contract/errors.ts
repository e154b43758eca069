import { z } from 'zod';

/** Every refusal and error: one Danish sentence (some carry details beside it). */
export const errorAnswerSchema = z
  .looseObject({ error: z.string() })
  .meta({ description: 'En fejl eller afvisning med en dansk besked' });

/** An error answer as the app reads it. */
export type ErrorAnswer = z.infer<typeof errorAnswerSchema>;
