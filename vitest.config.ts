// Three test projects: unit (shared/ and electron/ logic in Node), component
// (renderer in happy-dom) and integration (Dexie on fake-indexeddb, several
// simulated laptops on real temp folders). e2e runs separately via node:test.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  test: {
    globals: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx', 'test/component/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['test/setup/component.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/integration.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
