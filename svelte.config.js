import adapter from '@sveltejs/adapter-static';

/** @type {import('@sveltejs/kit').Config} */
// BUILD_DIR / SVELTEKIT_OUT let several builds run side by side (e.g. the benchmark beside the tests).
const buildDir = process.env.BUILD_DIR ?? 'build';

const config = {
	kit: {
		outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
		adapter: adapter({ pages: buildDir, assets: buildDir, strict: true }),
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The CSP is generated at build time; wasm needs 'wasm-unsafe-eval', DuckDB's worker comes from 'self'.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self', 'blob:'],
				'connect-src': ['self', 'blob:'],
				'img-src': ['self', 'data:', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
