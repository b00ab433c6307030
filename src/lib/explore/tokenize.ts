/**
 * A small SQL tokenizer for the explorer: enough to split a script into statements at semicolons that
 * sit outside strings and comments, and to tell a read-only script from one that may change the schema.
 * Lossless: joining every token's text gives back the input exactly. (The editor's colouring and
 * completion are CodeMirror's, in SqlEditor.svelte; this stays small and synchronous for the page.)
 */
export type TokenType =
	'keyword' | 'type' | 'function' | 'identifier' | 'quoted' | 'string' | 'number' | 'comment' | 'operator' | 'punct' | 'space';

export interface Token {
	type: TokenType;
	text: string;
}

const KEYWORDS = new Set(
	`add all alter analyze and anti any as asc asof attach begin between both by case cast check checkpoint collate column commit
	constraint copy create cross cube current_date current_timestamp default delete desc describe detach distinct drop else end escape
	except exclude exists explain export false filter first following for foreign from full function glob grant group grouping having ilike
	import in index inner insert install intersect interval into is join key last lateral left like limit load macro natural not nothing
	null nulls offset on or order outer over partition pivot pragma preceding primary qualify range recursive references rename replace
	returning right rollback rollup row rows sample schema select semi sequence set show similar some summarize table temp temporary then
	to transaction true unbounded union unique unpivot update using vacuum values view when where window with within`
		.split(/\s+/)
		.filter(Boolean)
);

const TYPES = new Set(
	`bigint bit blob bool boolean date datetime decimal double float float4 float8 hugeint int int1 int2 int4 int8 integer json list
	long map numeric real short smallint string struct text time timestamp timestamptz tinyint ubigint uhugeint uinteger usmallint
	utinyint uuid varchar`
		.split(/\s+/)
		.filter(Boolean)
);

/** Keywords that are also ordinary functions when a bracket follows: replace(s, a, b), left(s, 3)… */
const CALLABLE_KEYWORDS = new Set(['replace', 'left', 'right', 'first', 'last', 'range', 'row', 'glob', 'similar', 'grouping']);

const isIdentStart = (c: string) => /[A-Za-z_\u00C0-\uFFFF]/.test(c);
const isIdentPart = (c: string) => /[A-Za-z0-9_$\u00C0-\uFFFF]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';

/** Splits SQL text into tokens. Unterminated strings and comments run to the end of the text. */
export function tokenize(sql: string): Token[] {
	const out: Token[] = [];
	const n = sql.length;
	let i = 0;
	const push = (type: TokenType, end: number) => {
		out.push({ type, text: sql.slice(i, end) });
		i = end;
	};
	/** End of a quoted run starting at i (quote char q, doubled quote = literal). */
	const quoted = (q: string) => {
		let j = i + 1;
		while (j < n) {
			if (sql[j] === q) {
				if (sql[j + 1] === q) j += 2;
				else return j + 1;
			} else j++;
		}
		return n;
	};
	while (i < n) {
		const c = sql[i];
		const next = sql[i + 1];
		if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
			let j = i + 1;
			while (j < n && /[ \t\n\r\f]/.test(sql[j])) j++;
			push('space', j);
		} else if (c === '-' && next === '-') {
			const j = sql.indexOf('\n', i);
			push('comment', j === -1 ? n : j);
		} else if (c === '/' && next === '*') {
			const j = sql.indexOf('*/', i + 2);
			push('comment', j === -1 ? n : j + 2);
		} else if (c === "'") {
			push('string', quoted("'"));
		} else if ((c === 'E' || c === 'e') && next === "'") {
			const start = i;
			i++;
			const end = quoted("'");
			i = start;
			push('string', end);
		} else if (c === '"') {
			push('quoted', quoted('"'));
		} else if (c === '$' && next === '$') {
			const j = sql.indexOf('$$', i + 2);
			push('string', j === -1 ? n : j + 2);
		} else if (isDigit(c) || (c === '.' && next !== undefined && isDigit(next))) {
			let j = i;
			while (j < n && (isDigit(sql[j]) || sql[j] === '_')) j++;
			if (sql[j] === '.' && sql[j + 1] !== '.') {
				j++;
				while (j < n && (isDigit(sql[j]) || sql[j] === '_')) j++;
			}
			if (
				(sql[j] === 'e' || sql[j] === 'E') &&
				(isDigit(sql[j + 1] ?? '') || ((sql[j + 1] === '+' || sql[j + 1] === '-') && isDigit(sql[j + 2] ?? '')))
			) {
				j += 2;
				while (j < n && isDigit(sql[j])) j++;
			}
			// A number run straight into letters (e.g. 1abc) is an identifier, not a number.
			if (j < n && isIdentStart(sql[j])) {
				while (j < n && isIdentPart(sql[j])) j++;
				push('identifier', j);
			} else push('number', j);
		} else if (isIdentStart(c)) {
			let j = i + 1;
			while (j < n && isIdentPart(sql[j])) j++;
			const word = sql.slice(i, j).toLowerCase();
			let k = j;
			while (k < n && (sql[k] === ' ' || sql[k] === '\t')) k++;
			const prev = lastSignificant(out);
			const afterDot = prev?.text === '.';
			const call = sql[k] === '(';
			if (!afterDot && KEYWORDS.has(word) && !(call && CALLABLE_KEYWORDS.has(word))) push('keyword', j);
			else if (sql[k] === '(') push('function', j);
			else if (!afterDot && TYPES.has(word)) push('type', j);
			else push('identifier', j);
		} else if ('(),;.[]{}'.includes(c)) {
			push('punct', i + 1);
		} else {
			const two = sql.slice(i, i + 2);
			push('operator', ['<=', '>=', '<>', '!=', '||', '::', '->', '==', '**', '//', '<<', '>>'].includes(two) ? i + 2 : i + 1);
		}
	}
	return out;
}

function lastSignificant(tokens: Token[]): Token | undefined {
	for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k].type !== 'space' && tokens[k].type !== 'comment') return tokens[k];
	return undefined;
}

/**
 * Splits a script into statements at top-level semicolons. Statements that hold only whitespace and
 * comments are dropped; each statement keeps its own text (without the semicolon).
 */
export function splitStatements(sql: string): string[] {
	const out: string[] = [];
	let current = '';
	let meaningful = false;
	for (const t of tokenize(sql)) {
		if (t.type === 'punct' && t.text === ';') {
			if (meaningful) out.push(current.trim());
			current = '';
			meaningful = false;
			continue;
		}
		current += t.text;
		if (t.type !== 'space' && t.type !== 'comment') meaningful = true;
	}
	if (meaningful) out.push(current.trim());
	return out;
}

const READ_ONLY = new Set(['select', 'with', 'from', 'values', 'table', 'describe', 'show', 'summarize', 'explain', 'pragma']);
/** Statements that are a query, which can stand as a subquery: `SELECT … FROM (statement)`. */
const QUERY = new Set(['select', 'with', 'from', 'values', 'table']);

/** The statement's first keyword, lower case, past spaces, comments and opening parentheses. */
function firstWord(statement: string): string | undefined {
	return tokenize(statement)
		.find((t) => t.type !== 'space' && t.type !== 'comment' && !(t.type === 'punct' && t.text === '('))
		?.text.toLowerCase();
}

/**
 * True when every statement starts with a reading keyword (SELECT, WITH, FROM, DESCRIBE…): the schema
 * cannot have changed. Anything else (CREATE, DROP, INSERT, SET…) may have changed it.
 */
export function isReadOnly(sql: string): boolean {
	return splitStatements(sql).every((st) => READ_ONLY.has(firstWord(st) ?? ''));
}

/** True when the statement is a query (SELECT, WITH, FROM, VALUES, TABLE): running it again changes nothing. */
export function startsQuery(statement: string): boolean {
	return QUERY.has(firstWord(statement) ?? '');
}
