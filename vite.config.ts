import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { serveArtifact } from './scripts/vite-artifact.ts';

// The dashboard lives in src/app. It reads its artifact from ./artifact/: the one
// the preprocessing CLI wrote to out/artifact (or ATLAS_ARTIFACT), served in dev
// and preview and copied into dist by a build, so the built site works from any
// static host. ATLAS_ARTIFACT=none builds the app alone (tests mount artifacts).
const artifact = process.env.ATLAS_ARTIFACT === 'none' ? null : resolve(process.env.ATLAS_ARTIFACT ?? resolve(import.meta.dirname, 'out/artifact'));

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/app'),
  base: './',
  publicDir: false,
  plugins: [svelte({ configFile: resolve(import.meta.dirname, 'svelte.config.js') }), serveArtifact(artifact)],
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
