import { useCallback, useEffect, useRef } from 'react';

/**
 * Moves the keyboard focus to an element once React has drawn the change that made it: the
 * new row's input after "Tilføj", the moved row's button after "Op" (React may move the old
 * button out of the document and back, which drops its focus), the next row after "Fjern".
 */
export function useFocusAfterRender(): (elementId: string) => void {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    // Runs after every render: the element to focus exists only once the change is drawn.
    if (!pending.current) return;
    document.getElementById(pending.current)?.focus();
    pending.current = null;
  });
  return useCallback((elementId: string) => {
    pending.current = elementId;
  }, []);
}
