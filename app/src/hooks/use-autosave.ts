import { useSyncExternalStore } from 'react';
import { type AutosaveSnapshot, decisionAutosaver } from '../lib/decision-autosave.ts';

/** The autosaver's states, errors and replaced texts; re-renders on every change. */
export function useAutosave(): AutosaveSnapshot {
  return useSyncExternalStore(decisionAutosaver.subscribe, decisionAutosaver.getSnapshot);
}
