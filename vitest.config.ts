import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Interop and end-to-end suites start real processes; keep them from fighting for the 2 cores.
    maxWorkers: 2,
  },
});
