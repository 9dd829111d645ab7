import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      include: ['tests/unit/**/*.test.ts'],
      environment: 'node',
      testTimeout: 60_000,
      // CI also writes a machine-readable report that .ci/run turns into one summary line.
      reporters: process.env.CI ? ['default', 'json'] : ['default'],
      outputFile: { json: 'reports/unit.json' },
    },
  }),
);
