/**
 * Reads the first line of a CSV (quote-aware) to learn its delimiter, line ending and column names,
 * without parsing the rest: DuckDB parses the body.
 */
export interface Header {
	names: string[];
	delimiter: ',' | ';' | '\t' | '|';
	newline: '\n' | '\r\n' | '\r';
	/** True when there is no data after the header. */
	empty: boolean;
}

const DELIMS = [',', ';', '\t', '|'] as const;

/** Finds the end of the first record, honouring quotes. Returns -1 if no line break was seen. */
export function firstBreak(text: string): number {
	let inQuotes = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === '"') inQuotes = !inQuotes;
		else if (!inQuotes && (c === '\n' || c === '\r')) return i;
	}
	return -1;
}

export function splitRecord(line: string, delimiter: string): string[] {
	const out: string[] = [];
	let field = '';
	let inQuotes = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (inQuotes) {
			if (c === '"') {
				if (line[i + 1] === '"') {
					field += '"';
					i++;
				} else inQuotes = false;
			} else field += c;
		} else if (c === '"') inQuotes = true;
		else if (c === delimiter) {
			out.push(field);
			field = '';
		} else field += c;
	}
	out.push(field);
	return out;
}

/** `text` is the decoded start of the file (a few KB is enough). */
export function readHeader(text: string): Header | null {
	const t = text.replace(/^\uFEFF/, '');
	const brk = firstBreak(t);
	const line = brk === -1 ? t : t.slice(0, brk);
	if (line.trim() === '') return null;
	let newline: Header['newline'] = '\n';
	if (brk !== -1 && t[brk] === '\r') newline = t[brk + 1] === '\n' ? '\r\n' : '\r';
	const delimiter = DELIMS.map((d) => ({ d, n: splitRecord(line, d).length })).sort((a, b) => b.n - a.n)[0].d;
	const rest = brk === -1 ? '' : t.slice(brk + newline.length);
	return { names: splitRecord(line, delimiter).map((s) => s.trim()), delimiter, newline, empty: rest.trim() === '' };
}

/** Column-name key used for matching: case, spaces, underscores, hyphens and dots ignored. */
export function key(name: string): string {
	return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}
