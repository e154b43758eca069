import { caseUrl, caseUrlTemplateProblem } from '../core/case-url.ts';
import type { Archive } from './archive-types.ts';

/**
 * The installation's link from journal numbers to the municipality's own case system:
 * `REFERAT_CASE_URL=https://sag.example.dk/sag/{caseNumber}`. Read once, when the archive
 * is opened (archive.ts), and handed on from there: the documents, the /arkiv pages and
 * `GET /api/settings` for the app all take it from the archive.
 */

/** The template from the environment; null when unset; an unusable one is refused at start. */
export function caseUrlTemplateFromEnvironment(env: NodeJS.ProcessEnv): string | null {
  const template = env.REFERAT_CASE_URL?.trim();
  if (!template) return null;
  const problem = caseUrlTemplateProblem(template);
  if (problem)
    throw new Error(`REFERAT_CASE_URL ${problem} (fx https://sag.example.dk/sag/{caseNumber})`);
  return template;
}

/** A journal number's address in the case system, or undefined without a template. */
export function caseLinker(
  archive: Pick<Archive, 'caseUrlTemplate'>,
): ((caseNumber: string) => string) | undefined {
  const template = archive.caseUrlTemplate;
  return template ? (caseNumber) => caseUrl(template, caseNumber) : undefined;
}
