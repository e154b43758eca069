import { useEffect } from 'react';
import { setLeaveGuard } from '../router/history.ts';

const question = 'Der er ændringer, som ikke er gemt. Vil du forlade siden alligevel?';

/**
 * While `hasUnsavedChanges`, leaving the page asks first: links inside the app with a
 * confirm, a reload or a closed tab with the browser's own question.
 */
export function useUnsavedGuard(hasUnsavedChanges: boolean): void {
  useEffect(() => {
    if (!hasUnsavedChanges) return;
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    setLeaveGuard(() => window.confirm(question));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      setLeaveGuard(null);
    };
  }, [hasUnsavedChanges]);
}
