// Vitest config for bench/model (the model SQL timed and checked against the frozen baseline in Node).
// Run: SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import base from '../vite.config';

export default {
	...base,
	test: {
		...base.test,
		include: [process.env.BENCH_TEST ?? 'bench/model/model-sql.test.ts'],
		testTimeout: 1_800_000,
		hookTimeout: 1_800_000
	}
};
