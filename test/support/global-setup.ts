import { buildWebApp, isAppBuildStale } from '../../src/server/app-assets.ts';

/**
 * Before any test file runs: builds the React app when app/dist is missing or older than its
 * sources, once, so that the browser tests in parallel workers never build it at the same time.
 */
export default async function setup(): Promise<void> {
  if (isAppBuildStale()) await buildWebApp();
}
