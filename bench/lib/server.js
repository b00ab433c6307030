// Serves a build directory with the project's own static server (scripts/serve.js) on a free loopback port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

export async function freePort() {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.once('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

/** Starts scripts/serve.js; resolves with { url, stop } once it prints its banner. */
export async function serve(root, dir) {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(root, 'scripts/serve.js'), '--port', String(port), '--dir', dir], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stderr = '';
	child.stderr.on('data', (d) => (stderr += d));
	await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`serve.js did not start within 15 s: ${stderr}`)), 15_000);
		child.stdout.once('data', () => {
			clearTimeout(timer);
			resolve();
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`serve.js exited (${code}): ${stderr}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		pid: child.pid,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode != null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGTERM');
			})
	};
}
