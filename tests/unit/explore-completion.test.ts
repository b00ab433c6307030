import { describe, expect, it } from 'vitest';
import { EditorState } from '@codemirror/state';
import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { DuckDB, quoteName, schemaNamespace, sqlSupport } from '../../src/lib/explore/sql-language';
import type { SchemaObject } from '../../src/lib/explore/types';

const SCHEMA: SchemaObject[] = [
	{
		name: 'journeys',
		kind: 'table',
		temporary: false,
		rows: 12_345,
		columns: [
			{ name: 'client_id', type: 'VARCHAR' },
			{ name: 'area_code', type: 'VARCHAR' },
			{ name: 'triage_date', type: 'DATE' }
		]
	},
	{ name: 'areas', kind: 'table', temporary: false, rows: 1, columns: [{ name: 'area_code', type: 'VARCHAR' }] },
	{ name: 'journeys_in_use', kind: 'view', temporary: false, rows: null, columns: [{ name: 'client_id', type: 'VARCHAR' }] },
	{ name: 'My Upload', kind: 'table', temporary: true, rows: 2, columns: [{ name: 'Financial year', type: 'VARCHAR' }] }
];

/** Every completion the editor offers with the cursor at `|`, as labels. */
async function complete(doc: string, explicit = false) {
	const pos = doc.indexOf('|');
	const state = EditorState.create({ doc: doc.replace('|', ''), selection: { anchor: pos }, extensions: sqlSupport(SCHEMA) });
	const sources = state.languageDataAt<(c: CompletionContext) => CompletionResult | null | Promise<CompletionResult | null>>(
		'autocomplete',
		pos
	);
	const labels: string[] = [];
	const details = new Map<string, string | undefined>();
	const applies = new Map<string, unknown>();
	for (const source of sources) {
		const r = await source(new CompletionContext(state, pos, explicit));
		for (const o of r?.options ?? []) {
			labels.push(o.label);
			details.set(o.label, o.detail);
			applies.set(o.label, o.apply);
		}
	}
	return { labels, details, applies };
}

describe('SQL completion from the loaded schema', () => {
	it('completes table and view names, with kind and rows as detail', async () => {
		const { labels, details } = await complete('SELECT * FROM jou|');
		expect(labels).toEqual(expect.arrayContaining(['journeys', 'journeys_in_use', 'areas']));
		expect(details.get('journeys')).toBe('table · 12,345 rows');
		expect(details.get('journeys_in_use')).toBe('view');
	});

	it('completes columns after a table name or an alias, with their types', async () => {
		const after = await complete('SELECT journeys.| FROM journeys');
		expect(after.labels).toEqual(['client_id', 'area_code', 'triage_date']);
		expect(after.details.get('triage_date')).toBe('DATE');
		const alias = await complete('SELECT j.a| FROM journeys j');
		expect(alias.labels).toEqual(expect.arrayContaining(['client_id', 'area_code', 'triage_date']));
		expect(alias.details.get('area_code')).toBe('VARCHAR');
	});

	it('completes the columns of the tables the query names, without a prefix', async () => {
		const { labels, details } = await complete('SELECT area_| FROM journeys');
		expect(labels).toEqual(expect.arrayContaining(['area_code', 'client_id', 'triage_date']));
		expect(details.get('area_code')).toBe('VARCHAR · journeys');
		// A table the query does not name gives no columns.
		expect((await complete('SELECT fin| FROM journeys')).labels).not.toContain('Financial year');
	});

	it('quotes names that need it when applied', async () => {
		const { applies } = await complete('SELECT * FROM M|');
		expect(applies.get('My Upload')).toBe('"My Upload"');
		expect(quoteName('journeys')).toBe('journeys');
		expect(quoteName('Financial year')).toBe('"Financial year"');
		expect(quoteName('say "hi"')).toBe('"say ""hi"""');
	});

	it('completes keywords in upper case, DuckDB’s own included', async () => {
		expect((await complete('SUMMAR|')).labels).toContain('SUMMARIZE');
		expect((await complete('SELECT * FROM journeys QUAL|')).labels).toContain('QUALIFY');
	});

	it('without a schema yet, still completes keywords', async () => {
		const state = EditorState.create({ doc: 'SEL', selection: { anchor: 3 }, extensions: sqlSupport(null) });
		const sources = state.languageDataAt<(c: CompletionContext) => CompletionResult | null>('autocomplete', 3);
		const labels = sources.flatMap((s) => s(new CompletionContext(state, 3, false))?.options.map((o) => o.label) ?? []);
		expect(labels).toContain('SELECT');
	});

	it('the namespace escapes dots in names', () => {
		const ns = schemaNamespace([{ ...SCHEMA[1], name: 'a.b' }]) as Record<string, unknown>;
		expect(Object.keys(ns)).toEqual(['a\\.b']);
		expect(DuckDB.spec.keywords).toMatch(/\bsummarize\b/);
	});
});

describe('DuckDB dialect highlighting', () => {
	it('tags common functions as built-in names, clauses as keywords', async () => {
		const { syntaxTree } = await import('@codemirror/language');
		const state = EditorState.create({ doc: 'SELECT count(*), max(age) FROM journeys QUALIFY 1', extensions: sqlSupport(null) });
		const kinds: Record<string, string> = {};
		syntaxTree(state).iterate({ enter: (n) => void (kinds[state.sliceDoc(n.from, n.to)] ??= n.name) });
		expect(kinds.count).toBe('Builtin');
		expect(kinds.max).toBe('Builtin');
		expect(kinds.SELECT).toBe('Keyword');
		expect(kinds.QUALIFY).toBe('Keyword');
		expect(kinds.journeys).toBe('Identifier');
	});
});
