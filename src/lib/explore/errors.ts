/**
 * DuckDB's error text in plain words for the explorer: the message DuckDB gave (e.g. "Catalog Error:
 * Table with name foo does not exist!"), its hints and the LINE/caret pointer, without JavaScript stack
 * frames, DuckDB's internal stack trace or repeated blocks.
 */
export function plainError(e: unknown): string {
	let text = e instanceof Error ? e.message : typeof e === 'string' ? e : String((e as { message?: unknown })?.message ?? e);
	// Some builds wrap the error as JSON: {"exception_type":"Catalog","exception_message":"…"}.
	const json = text.trim().startsWith('{') ? tryJson(text) : null;
	if (json && typeof json.exception_message === 'string') {
		const type = typeof json.exception_type === 'string' ? `${json.exception_type} Error: ` : '';
		text = `${type}${json.exception_message}`;
	}
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const kept: string[] = [];
	for (const line of lines) {
		if (/^\s*Stack Trace:?\s*$/i.test(line)) break;
		if (/^\s+at\s.+(\(|:\d+)/.test(line)) continue; // a JavaScript stack frame
		if (/^Error: /.test(line) && kept.length === 0) {
			kept.push(line.slice('Error: '.length));
			continue;
		}
		kept.push(line.replace(/\s+$/, ''));
	}
	// DuckDB sometimes repeats the LINE/caret block; keep each block once.
	const blocks = kept
		.join('\n')
		.split(/\n{2,}/)
		.map((b) => b.replace(/^\n+|\n+$/g, ''));
	const unique = blocks.filter((b, i) => b && blocks.indexOf(b) === i);
	const out = unique.join('\n\n').trim();
	return out || 'The query failed without a message from DuckDB.';
}

function tryJson(s: string): Record<string, unknown> | null {
	try {
		const v = JSON.parse(s);
		return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
