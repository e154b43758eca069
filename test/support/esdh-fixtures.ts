import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The ESDH export fixtures (test/fixtures/esdh) and their hand-read facts. */
export const esdhFixtures = fileURLToPath(new URL('../fixtures/esdh/', import.meta.url));

/** The five formats, as expected-summary.json names them. */
export const esdhFormats = ['sbsys', 'sbsys-aarhus', 'edoc', 'edoc-fujitsu', 'acadre'] as const;
export type EsdhFormat = (typeof esdhFormats)[number];

/** One format's facts from expected-summary.json. */
export interface ExpectedExport {
  file: string;
  kind: 'agenda' | 'minutes';
  date: string;
  start: string;
  end: string | null;
  committee: string;
  location: string | null;
  itemCount: number;
  closedItemCount: number;
  firstItems: Array<{ number: string; title: string; closed: boolean; caseNumber: string | null }>;
  enclosureCount?: number;
  attachmentCount?: number;
  memberCount?: number;
  participantCount?: number;
}

/** expected-summary.json, by format. */
export function expectedSummary(): Record<EsdhFormat, ExpectedExport> {
  return JSON.parse(readFileSync(join(esdhFixtures, 'expected-summary.json'), 'utf8'));
}

/** Copies a format's folder (bytes as they are) into `target`; returns the copy's path. */
export function copyEsdhFolder(format: string, target: string): string {
  const copy = join(target, format.replaceAll('/', '-'));
  cpSync(join(esdhFixtures, format), copy, { recursive: true });
  return copy;
}
