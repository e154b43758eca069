import { useCallback, useEffect, useState } from 'react';
import { ApiError, messageOf, requestJson } from '../api/client.ts';

/** What a page loading JSON gets: the data, the loading state, the error and ways to refresh. */
export interface ApiData<T> {
  data: T | null;
  error: string | null;
  /** The HTTP status of the error (404, 401 …), 0 without a connection, null without error. */
  errorStatus: number | null;
  isLoading: boolean;
  /** Loads again; the old data stays on screen meanwhile. */
  reload: () => void;
  /** Replaces the data with an answer the server already gave (after a write). */
  setData: (data: T) => void;
}

/** Loads `path` from the API (nothing when null) and loads again whenever the path changes. */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errorStatus, setErrorStatus] = useState<number | null>(null);
  const [isLoading, setIsLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const [loadedPath, setLoadedPath] = useState<string | null>(null);

  useEffect(() => {
    if (path === null) {
      setIsLoading(false);
      return;
    }
    // The generation makes reload() fetch again without changing the path.
    void generation;
    const controller = new AbortController();
    setIsLoading(true);
    setError(null);
    setErrorStatus(null);
    requestJson<T>(path, { signal: controller.signal })
      .then((answer) => {
        setData(answer);
        setLoadedPath(path);
        setIsLoading(false);
      })
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(messageOf(caught));
        setErrorStatus(caught instanceof ApiError ? caught.status : null);
        setIsLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  // Data of another path (a previous page) is never shown as this path's.
  const current = loadedPath === path ? data : null;
  return { data: current, error, errorStatus, isLoading, reload, setData };
}
