import adapter from '@sveltejs/adapter-static';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { precompress } from './scripts/precompress.js';

// SvelteKit hashes the inline scripts it writes; the one in app.html is ours to allow.
const appHtmlScripts = [...readFileSync('src/app.html', 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(m) => `sha256-${createHash('sha256').update(m[1]).digest('base64')}`
);

/** @type {import('@sveltejs/kit').Config} */
// BUILD_DIR / SVELTEKIT_OUT let several builds run side by side (e.g. the benchmark beside the tests).
const buildDir = process.env.BUILD_DIR ?? 'build';
const staticAdapter = adapter({ pages: buildDir, assets: buildDir, strict: true });

const config = {
	kit: {
		outDir: process.env.SVELTEKIT_OUT ?? '.svelte-kit',
		// The static site, then brotli and gzip forms of every text file and wasm module (scripts/serve.js sends them).
		adapter: {
			name: 'static-precompressed',
			async adapt(builder) {
				await staticAdapter.adapt(builder);
				const n = await precompress(buildDir);
				builder.log.minor(`Precompressed ${n} files (brotli, gzip)`);
			}
		},
		// Every page's CSS goes inline in its HTML: nothing render-blocking stands between the HTML and first paint.
		inlineStyleThreshold: Infinity,
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail' },
		// The CSP is generated at build time; wasm needs 'wasm-unsafe-eval', DuckDB's worker comes from 'self'.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...appHtmlScripts],
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
