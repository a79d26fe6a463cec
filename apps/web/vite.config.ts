import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The server listens on 3000 in development (PARLEY_API_TARGET points elsewhere); the dev server
// forwards the API and the socket to it so the browser sees one origin (cookies and CSRF work as in
// production).
const API_TARGET = process.env.PARLEY_API_TARGET ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Browsers with native light-dark(): older targets make the CSS minifier rewrite it into
    // variables keyed on color-scheme, which Mantine sets through a variable, so colours vanish.
    cssTarget: ['chrome123', 'edge123', 'firefox120', 'safari17.5'],
  },
  server: {
    proxy: {
      '/api/ws': { target: API_TARGET, ws: true },
      '/api': { target: API_TARGET },
    },
  },
  preview: {
    proxy: {
      '/api/ws': { target: API_TARGET, ws: true },
      '/api': { target: API_TARGET },
    },
  },
});
