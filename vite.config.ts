import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';

// The dashboard lives in src/app; the preprocessing CLI writes its artifact into
// out/artifact, which Vite serves (dev, preview) and copies into dist (build) as
// static files, so the built site works from any static host.
const outDir = process.env.ATLAS_PUBLIC_DIR ?? resolve(import.meta.dirname, 'out');

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/app'),
  base: './',
  publicDir: outDir,
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') })],
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
  },
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  test: {
    root: import.meta.dirname,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
