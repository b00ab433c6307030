import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { duckdbWorkerPatch } from './scripts/duckdb-worker-patch.js';

export default defineConfig({
	plugins: [duckdbWorkerPatch(), sveltekit()],
	optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
	server: { fs: { allow: ['data'] } },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		testTimeout: 60_000,
		hookTimeout: 60_000,
		pool: 'forks',
		expect: { requireAssertions: true }
	}
});
