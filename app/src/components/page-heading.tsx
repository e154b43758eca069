import type { ReactNode } from 'react';

/** The id of every page's h1, which receives focus after navigating inside the app. */
export const pageHeadingId = 'sidens-overskrift';

/** The page's one h1; focusable by script so a screen reader hears the new page. */
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <h1 id={pageHeadingId} tabIndex={-1}>
      {children}
    </h1>
  );
}
