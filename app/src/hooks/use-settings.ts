import { useEffect, useState } from 'react';
import { getSettings } from '../api/settings.ts';
import type { InstallationSettings } from '../api/types.ts';

/** The installation's settings; null until they are loaded (or when they cannot be). */
export function useSettings(): InstallationSettings | null {
  const [settings, setSettings] = useState<InstallationSettings | null>(null);
  useEffect(() => {
    let isCurrent = true;
    getSettings()
      .then((loaded) => {
        if (isCurrent) setSettings(loaded);
      })
      // Without settings, journal numbers are shown without a link: nothing to report.
      .catch(() => {});
    return () => {
      isCurrent = false;
    };
  }, []);
  return settings;
}
