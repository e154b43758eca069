import { z } from 'zod';
import { visibleTextSchema } from './text-input.ts';

/**
 * A forum's own way of working: the purposes it states for its items, and the standing items
 * it puts on every agenda besides item 1 and "Evt.". Chefforum decided on 7 September 2017 to
 * state each item's purpose in the terms of domain theory; other forums keep the classic three.
 */

/** The purposes a new forum starts with. */
export const defaultPurposes: readonly string[] = ['Orientering', 'Drøftelse', 'Beslutning'];

/** Chefforum's purposes from its decision of 7 September 2017 (domain theory). */
export const domainTheoryPurposes: readonly string[] = [
  'Udvikle',
  'Afdække',
  'Undersøge muligheder',
  'Debattere',
  'Informere',
  'Beslutte',
];

/** Purposes stored as keys before forums had their own lists, and their words. */
const legacyPurposeKeys: Record<string, string> = {
  orientering: 'Orientering',
  droftelse: 'Drøftelse',
  beslutning: 'Beslutning',
};

/** A stored purpose in words: the forum's own word, or an old key's word. */
export function purposeLabel(purpose: string | null | undefined): string | null {
  const text = purpose?.trim();
  if (!text) return null;
  return legacyPurposeKeys[text] ?? text;
}

/** A forum's list of purposes as the secretary edits it: 1–12 distinct, short names. */
export const purposeListSchema = z
  .array(visibleTextSchema(40, 'et formål må ikke være tomt'))
  .min(1, 'forummet skal have mindst ét formål')
  .max(12, 'højst 12 formål')
  .refine((list) => new Set(list.map((entry) => entry.toLowerCase())).size === list.length, {
    message: 'det samme formål står to gange',
  });

/** A standing item: placed on every new agenda before "Evt.", with a default time. */
export const standingItemSchema = z.strictObject({
  title: visibleTextSchema(200, 'et fast punkt skal have en titel'),
  durationMinutes: z.int().min(5).max(600).nullable(),
  purpose: z.string().trim().max(40).nullable(),
});

/** A forum's standing items. */
export const standingItemListSchema = z.array(standingItemSchema).max(10, 'højst 10 faste punkter');

/** One standing item. */
export type StandingItem = z.infer<typeof standingItemSchema>;

/** Reads a stored purpose list; a missing or broken one is the default list. */
export function readPurposes(stored: string | null): string[] {
  const parsed = parseJson(stored);
  const result = purposeListSchema.safeParse(parsed);
  return result.success ? result.data : [...defaultPurposes];
}

/** Reads stored standing items; a missing or broken list is none. */
export function readStandingItems(stored: string | null): StandingItem[] {
  const result = standingItemListSchema.safeParse(parseJson(stored));
  return result.success ? result.data : [];
}

/**
 * Whether an item may be given this purpose in this forum: one of the forum's purposes, or the
 * purpose it already has (an item keeps a purpose the forum has since dropped).
 */
export function isAllowedPurpose(
  purpose: string | null,
  forumPurposes: readonly string[],
  current: string | null,
): boolean {
  if (purpose === null) return true;
  return forumPurposes.includes(purpose) || purposeLabel(current) === purpose;
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
