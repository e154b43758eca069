import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const appRoot = fileURLToPath(new URL('.', import.meta.url));
const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The React app: built from app/ into app/dist, which the Fastify server serves at `/`.
 * `vite --config app/vite.config.ts` proxies /api to a server on port 3000 while developing.
 */
export default defineConfig({
  root: appRoot,
  base: '/',
  plugins: [react()],
  // Always React's production build: a build started under vitest (NODE_ENV=test) would
  // otherwise bundle the development build, three times the size.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      treeshake: {
        // src/core is pure by design (no I/O, no side effects), so what the app does not use
        // from it, such as the zod schemas behind standard-items.ts, stays out of the bundle.
        moduleSideEffects: [{ test: /\/src\/core\//u, sideEffects: false }],
      },
    },
  },
  server: {
    // The app imports pure modules from src/core.
    fs: { allow: [repositoryRoot] },
    proxy: { '/api': 'http://localhost:3000' },
  },
});
