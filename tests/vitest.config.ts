import { defineConfig } from 'vitest/config';

// Lives under tests/ because the repository's top level is fixed (see src/README.md).
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
          environment: 'node',
          // Model simulations with fast-check properties take 1–2 s alone and 5–12 s while the guest tests and the
          // browser tests share CI's two cores: the default 5 s made them fail for want of CPU, not for a bug.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'vm',
          include: ['tests/vm/**/*.test.ts'],
          environment: 'node',
          // One real guest per file is heavy on 2 cores: run VM files one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
