// Lint: JS/TS recommended rules, Svelte's, and the one rule that holds the architecture together:
// imports flow one way, routes → measures / components → metrics / charts → data (see DESIGN.md).
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/** Folders under src/lib that a layer may not import from, by layer. */
const forbidden = {
	data: ['metrics', 'measures', 'charts', 'components', 'figure', 'state', 'board', 'report', 'explore', 'export'],
	metrics: ['measures', 'charts', 'components', 'figure', 'state', 'board', 'report', 'explore', 'export'],
	charts: ['measures', 'components', 'figure', 'state', 'data', 'explore'],
	measures: ['components', 'figure', 'state', 'explore'],
	export: ['measures', 'components', 'figure', 'state', 'data', 'metrics', 'charts']
};
const layerRules = Object.entries(forbidden).map(([layer, banned]) => ({
	files: [`src/lib/${layer}/**/*.{ts,js,svelte}`],
	rules: {
		'no-restricted-imports': [
			'error',
			{
				patterns: [
					{
						group: banned.map((b) => `$lib/${b}/*`),
						message: `Imports flow one way: routes → measures/components → metrics/charts → data. ${layer}/ may not import this.`
					},
					...(layer === 'data' ? [] : [{ group: ['@duckdb/*'], message: 'Only src/lib/data talks to DuckDB.' }])
				]
			}
		]
	}
}));

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
			// Links are plain hrefs built by selection.link(); the static site has no base path.
			'svelte/no-navigation-without-resolve': 'off',
			// It flags plain Sets and Maps used as temporaries inside $derived computations; shared state lives
			// in the rune classes of src/lib/state, where it is reactive by construction.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	{
		// Routes and components never talk to DuckDB directly.
		files: ['src/routes/**/*', 'src/lib/components/**/*', 'src/lib/state/**/*'],
		rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@duckdb/*'], message: 'Only src/lib/data talks to DuckDB.' }] }] }
	},
	...layerRules,
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'bench/out/',
			'bench/model/baseline/',
			'tests/browser/out/',
			'tmp/',
			'static/',
			'data/',
			'.svelte-kit-*/',
			'build-*/'
		]
	}
);
