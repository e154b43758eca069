import { caseSystemUrl } from '../api/settings.ts';
import { useSettings } from '../hooks/use-settings.ts';

/**
 * A paragraph with a link to the case in the municipality's own case system
 * (REFERAT_CASE_URL), or nothing when the installation has none.
 */
export function CaseSystemLink({
  caseNumber,
  className,
}: {
  caseNumber: string;
  /** The class of the paragraph the link stands in. */
  className?: string;
}) {
  const url = caseSystemUrl(useSettings(), caseNumber);
  if (!url) return null;
  return (
    <p className={className}>
      <a href={url} rel="external noopener" target="_blank">
        Åbn sagen i sagssystemet
        <span className="visually-hidden">
          {' '}
          (journalnummer {caseNumber}, åbner i et nyt vindue)
        </span>
      </a>
    </p>
  );
}
