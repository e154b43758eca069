/**
 * Links from a journal number to its case in the municipality's own case system (SBSYS,
 * eDoc, Acadre …), by a URL template set per installation: `https://sag.example.dk/sag/
 * {caseNumber}`. Pure: the template is read from the environment in services.
 */

/** The placeholder the template must contain. */
export const caseNumberPlaceholder = '{caseNumber}';

/** The case's address: the template with the journal number, URL-encoded, in place. */
export function caseUrl(template: string, caseNumber: string): string {
  return template.split(caseNumberPlaceholder).join(encodeURIComponent(caseNumber.trim()));
}

/** Why a template cannot be used, in Danish, or null when it can. */
export function caseUrlTemplateProblem(template: string): string | null {
  if (!template.includes(caseNumberPlaceholder))
    return `skal indeholde ${caseNumberPlaceholder}, hvor journalnummeret skal stå`;
  let url: URL;
  try {
    url = new URL(caseUrl(template, '00.00.00-A00-1-20'));
  } catch {
    return 'er ikke en gyldig adresse';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'skal være en http- eller https-adresse';
  return null;
}
