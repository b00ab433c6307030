// Golden files in Observable Plot's manner: written on the first run, compared after. A mismatch writes
// `<name>-changed.<ext>` beside the golden (so the difference can be read and, if right, copied over) and
// fails; a missing golden fails under CI=true, where nothing may be written.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';

export function expectGolden(path: string, actual: string): void {
	const changed = path.replace(/(\.[a-z]+)$/, '-changed$1');
	if (!existsSync(path)) {
		if (process.env.CI === 'true') throw new Error(`Missing golden ${path} (goldens are written locally, never under CI).`);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, actual);
		expect(readFileSync(path, 'utf8'), `${path} written`).toBe(actual);
		return;
	}
	const expected = readFileSync(path, 'utf8');
	if (expected === actual) {
		if (existsSync(changed)) rmSync(changed);
	} else writeFileSync(changed, actual);
	expect(actual, `${path} differs: see ${changed}`).toBe(expected);
}
