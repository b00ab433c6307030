import { defineConfig } from 'vitest/config';
export default defineConfig({
	root: '/work/main',
	test: { include: ['.scratch/**/*.test.ts'], environment: 'node', testTimeout: 600_000, pool: 'forks' }
});
