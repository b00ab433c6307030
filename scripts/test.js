#!/usr/bin/env node
// `npm test`: formatting (Prettier) and lint (ESLint, with the import-direction rule), type check, unit and integration
// tests (Vitest, Node), then the production build, then browser tests (playwright-core driving Debian's Chromium)
// against the built site served on localhost.
// Under CI=true the browser tests are required; elsewhere they are skipped, loudly, when no Chromium is found.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChrome } from '../tests/browser/chrome.js';

const run = (cmd, args, env = {}) => {
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (r.status !== 0) process.exit(r.status ?? 1);
};

const only = process.argv[2];
if (only !== 'browser') {
	run('npx', ['svelte-kit', 'sync']);
	// Habits first: formatting and lint, including the rule that imports flow one way.
	run('npx', ['prettier', '--check', '--log-level', 'warn', '.']);
	run('npx', ['eslint', '--max-warnings', '0', '.']);
	// Types: svelte-check over routes, components and modules (fails on any error).
	run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'machine']);
	run('npx', ['vitest', 'run']);
}
if (only === 'unit') process.exit(0);

const chrome = findChrome();
if (!chrome) {
	const msg = 'No Chromium found (set CHROME_PATH or install it: apt-get install -y chromium).';
	if (process.env.CI === 'true') {
		console.error(`\nBROWSER TESTS REQUIRED UNDER CI: ${msg}`);
		process.exit(1);
	}
	console.warn(`\n${'!'.repeat(78)}\n!! BROWSER TESTS SKIPPED: ${msg}\n${'!'.repeat(78)}\n`);
	process.exit(0);
}

const buildDir = process.env.BUILD_DIR ?? 'build';
if (process.env.SKIP_BUILD !== '1' || !existsSync(`${buildDir}/index.html`)) run('npx', ['vite', 'build', '--logLevel', 'warn']);

const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ['scripts/serve.js', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));
const files = process.argv.slice(3);
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...(files.length ? files : ['tests/browser/'])], {
	stdio: 'inherit',
	env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}`, CHROME_PATH: chrome }
});
server.kill();
process.exit(r.status ?? 1);
