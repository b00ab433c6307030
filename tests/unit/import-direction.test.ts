// The lint rule that holds the architecture: imports flow routes → measures / components → metrics / charts → data.
// Each case lints one line of code as if it sat in a given file, with the project's real ESLint config.
import { describe, it, expect } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(`${code}\nexport const used = x;\n`, { filePath });
	return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('imports flow one way', () => {
	it.each([
		['src/lib/data/x.ts', "import { x } from '$lib/metrics/format';", true],
		['src/lib/data/x.ts', "import { x } from '$lib/measures/registry';", true],
		['src/lib/metrics/x.ts', "import { x } from '$lib/measures/registry';", true],
		['src/lib/metrics/x.ts', "import { x } from '$lib/charts/types';", true],
		['src/lib/metrics/x.ts', "import { x } from '$lib/export/table';", true],
		['src/lib/metrics/x.ts', "import { x } from '@duckdb/duckdb-wasm';", true],
		['src/lib/charts/x.ts', "import { x } from '$lib/data/areas';", true],
		['src/lib/charts/x.ts', "import { x } from '$lib/measures/define';", true],
		['src/lib/measures/x.ts', "import { x } from '$lib/state/selection.svelte';", true],
		['src/lib/measures/x.ts', "import { x } from '$lib/figure/MeasureFigure.svelte';", true],
		['src/routes/x/+page.ts', "import { x } from '@duckdb/duckdb-wasm';", true],
		['src/lib/metrics/x.ts', "import { x } from '$lib/data/periods';", false],
		['src/lib/measures/x.ts', "import { x } from '$lib/metrics/treatment';", false],
		['src/lib/measures/x.ts', "import { x } from '$lib/charts/types';", false],
		['src/lib/figure/x.ts', "import { x } from '$lib/measures/registry';", false],
		['src/lib/data/x.ts', "import { x } from '@duckdb/duckdb-wasm';", false]
	])('%s: %s → refused: %s', async (file, code, refused) => {
		const found = await problems(file, code);
		expect(found.length > 0, found.join('; ')).toBe(refused);
	});
});
