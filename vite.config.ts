// Builds the renderer (React UI) into dist/renderer. The same bundle is loaded
// by Electron through the app:// protocol and by the web-mode server.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
});
