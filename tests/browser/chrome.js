// Finds a Chromium/Chrome to drive: CHROME_PATH, else Debian's package on PATH.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export function findChrome() {
	if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
	for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
		try {
			const p = execSync(`command -v ${name}`, { stdio: ['ignore', 'pipe', 'ignore'] })
				.toString()
				.trim();
			if (p) return p;
		} catch {
			/* not this one */
		}
	}
	return null;
}
