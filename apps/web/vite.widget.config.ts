import { defineConfig } from 'vite';

// The live-chat widget (src/widget): one classic script, widget.js, that customers' sites load from
// Parley with `<script src=".../widget.js" data-widget-id="…" async>`. No framework, no zod (types
// only from the contracts), so it stays small; the server serves it with its caching headers.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist-widget',
    emptyOutDir: true,
    target: 'es2020',
    lib: {
      entry: 'src/widget/main.ts',
      formats: ['iife'],
      name: 'ParleyWidget',
      fileName: () => 'widget.js',
    },
  },
});
