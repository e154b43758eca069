import { useEffect } from 'react';

/** Sets the browser tab's title, "Møder – Referat", so every page has a distinct title. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – Referat`;
  }, [title]);
}
