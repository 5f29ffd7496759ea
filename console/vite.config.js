// The console is served by nginx under /console/ from dist/; nothing is loaded from
// elsewhere, and the built page has no inline script (the Content-Security-Policy forbids it).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  esbuild: {
    jsx: 'automatic',
    jsxImportSource: 'preact',
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
});
