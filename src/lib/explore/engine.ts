/**
 * The explorer's side of DuckDB-WASM: runs SQL on the explorer's connection, decodes the Arrow result with
 * apache-arrow and wraps it for the table, chart and downloads, and lists the schema. Browser only, and heavy
 * (apache-arrow, which only this page loads): the page imports it dynamically, so prerender never loads DuckDB.
 */
import { tableFromIPC, tableToIPC, util, Type, type Table, type Vector, type DataType, type Field } from 'apache-arrow';
import { session } from '$lib/data/browser-session';
import { toRows } from '$lib/data/db';
import type { IpcResult } from '$lib/data/duckdb-browser';
import { splitStatements, startsQuery } from './tokenize';
import type { CellValue, ColumnInfo, ColumnKind, QueryResult, SchemaObject } from './types';

/** Most rows fetched from DuckDB for one result (the table and chart stay fast; the cap is shown). */
export const MAX_ROWS = 200_000;

export async function runSql(sql: string, maxRows = MAX_ROWS): Promise<QueryResult> {
	const statements = splitStatements(sql);
	if (!statements.length) throw new Error('There is no SQL to run: type a query first.');
	const s = await session();
	const t0 = performance.now();
	let last = null;
	for (let i = 0; i < statements.length; i++) {
		// Earlier statements run to completion; only the last one's rows are fetched.
		last = await s.db.queryIpc(statements[i], i === statements.length - 1 ? maxRows : 0);
	}
	const query = statements.at(-1)!;
	const enums = enumColumns(last!);
	const rerun = enums.length > 0 && startsQuery(query);
	if (rerun) last = await s.db.queryIpc(enumsAsText(query, enums), maxRows);
	const ms = performance.now() - t0;
	const result = wrap(sql, decode(last!), last!.capped, maxRows, ms, statements.length, rerun ? [] : enums);
	for (const c of result.columns) if (enums.includes(c.name)) c.type = 'ENUM';
	return result;
}

/**
 * The ENUM columns of a streamed result. DuckDB-WASM streams them as Arrow dictionaries but never sends the
 * dictionaries, so every value would read as null (duckdb-wasm issue 1548); a query with one runs again with them
 * cast to text. Any other statement (an INSERT … RETURNING) is never run twice: its ENUM columns are reported unreadable.
 */
function enumColumns(result: IpcResult): string[] {
	const { fields } = tableFromIPC([result.chunks[0]]).schema;
	return fields.filter((f) => f.type.typeId === Type.Dictionary).map((f) => f.name);
}

function enumsAsText(query: string, enums: string[]): string {
	const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
	const casts = enums.map((n) => `CAST(${ident(n)} AS VARCHAR) AS ${ident(n)}`).join(', ');
	// On lines of its own, so a trailing line comment in the query cannot swallow the closing parenthesis.
	return `SELECT * REPLACE (${casts}) FROM (\n${query}\n)`;
}

/** The Arrow table of a streamed result, cut to the rows kept (the last batch fetched may hold more). */
function decode(result: IpcResult): Table {
	const table = tableFromIPC(result.chunks);
	return table.numRows > result.rows ? table.slice(0, result.rows) : table;
}

export async function cancel(): Promise<boolean> {
	const s = await session();
	return s.db.cancel();
}

function wrap(
	sql: string,
	table: Table,
	capped: boolean,
	maxRows: number,
	ms: number,
	statements: number,
	unreadableEnums: string[]
): QueryResult {
	const fields = table.schema.fields;
	const vectors: Vector[] = fields.map((_, i) => table.getChildAt(i)!);
	const norms = fields.map((f) => normaliser(f));
	const columns: ColumnInfo[] = fields.map((f) => ({ name: f.name, type: typeName(f.type), kind: kindOf(f.type) }));
	const cache: (CellValue[] | undefined)[] = [];
	return {
		sql,
		columns,
		rowCount: table.numRows,
		capped,
		maxRows,
		ms,
		statements,
		unreadableEnums,
		cell(row, col) {
			const cached = cache[col];
			if (cached) return cached[row];
			return norms[col](vectors[col].get(row));
		},
		column(col) {
			let values = cache[col];
			if (!values) {
				values = new Array(table.numRows);
				const norm = norms[col];
				let i = 0;
				for (const v of vectors[col]) values[i++] = norm(v);
				cache[col] = values;
			}
			return values;
		},
		ipc() {
			return tableToIPC(table, 'file');
		}
	};
}

function kindOf(t: DataType): ColumnKind {
	switch (t.typeId) {
		case Type.Int:
		case Type.Float:
		case Type.Decimal:
			return 'number';
		case Type.Bool:
			return 'boolean';
		case Type.Date:
			return 'date';
		case Type.Timestamp:
			return 'timestamp';
		case Type.Utf8:
		case Type.LargeUtf8:
			return 'text';
		case Type.Dictionary:
			return kindOf((t as unknown as { dictionary: DataType }).dictionary);
		default:
			return 'other';
	}
}

/** DuckDB's names for the Arrow types it returns, so the table headers read like the schema panel. */
function typeName(t: DataType): string {
	switch (t.typeId) {
		case Type.Int: {
			const { bitWidth, isSigned } = t as unknown as { bitWidth: number; isSigned: boolean };
			const name = { 8: 'TINYINT', 16: 'SMALLINT', 32: 'INTEGER', 64: 'BIGINT' }[bitWidth] ?? 'INTEGER';
			return isSigned ? name : `U${name}`;
		}
		case Type.Float:
			return (t as unknown as { precision: number }).precision === 1 ? 'FLOAT' : 'DOUBLE';
		case Type.Decimal: {
			const { precision, scale } = t as unknown as { precision: number; scale: number };
			return `DECIMAL(${precision},${scale})`;
		}
		case Type.Bool:
			return 'BOOLEAN';
		case Type.Date:
			return 'DATE';
		case Type.Timestamp:
			return 'TIMESTAMP';
		case Type.Time:
			return 'TIME';
		case Type.Utf8:
		case Type.LargeUtf8:
			return 'VARCHAR';
		case Type.Dictionary:
			return typeName((t as unknown as { dictionary: DataType }).dictionary);
		case Type.Interval:
			return 'INTERVAL';
		case Type.List:
		case Type.FixedSizeList:
			return 'LIST';
		case Type.Struct:
			return 'STRUCT';
		case Type.Map:
			return 'MAP';
		case Type.Binary:
		case Type.LargeBinary:
			return 'BLOB';
		default:
			return String(t).toUpperCase();
	}
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function isoDate(ms: number): string {
	const d = new Date(ms);
	return Number.isNaN(d.getTime())
		? String(ms)
		: `${d.getUTCFullYear() < 0 ? '-' : ''}${pad(Math.abs(d.getUTCFullYear()), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function isoTimestamp(ms: number): string {
	const d = new Date(ms);
	if (Number.isNaN(d.getTime())) return String(ms);
	const frac = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
	return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}`;
}

const jsonReplacer = (_: string, v: unknown) => (typeof v === 'bigint' ? Number(v) : v);

function stringify(v: unknown): string {
	if (v == null) return '';
	if (typeof v === 'object') {
		const o = v as { toJSON?: () => unknown; [Symbol.iterator]?: unknown };
		try {
			if (typeof o.toJSON === 'function') return JSON.stringify(o.toJSON(), jsonReplacer);
			if (ArrayBuffer.isView(v)) return `[${Array.from(v as unknown as ArrayLike<number>).join(', ')}]`;
			return JSON.stringify(v, jsonReplacer);
		} catch {
			return String(v);
		}
	}
	return String(v);
}

/** Turns Arrow's JS value for a type into the explorer's CellValue. */
function normaliser(field: Field): (v: unknown) => CellValue {
	const t = field.type;
	const inner = t.typeId === Type.Dictionary ? (t as unknown as { dictionary: DataType }).dictionary : t;
	switch (kindOf(inner)) {
		case 'number':
			if (inner.typeId === Type.Decimal) {
				const scale = (inner as unknown as { scale: number }).scale;
				return (v) =>
					v == null ? null : typeof v === 'number' ? v : util.bigNumToNumber(v as Parameters<typeof util.bigNumToNumber>[0], scale);
			}
			return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : (v as number));
		case 'boolean':
			return (v) => (v == null ? null : Boolean(v));
		case 'date':
			return (v) => (v == null ? null : isoDate(v instanceof Date ? v.getTime() : Number(v)));
		case 'timestamp':
			return (v) => (v == null ? null : isoTimestamp(v instanceof Date ? v.getTime() : Number(v)));
		case 'text':
			return (v) => (v == null ? null : String(v));
		default:
			return (v) => (v == null ? null : stringify(v));
	}
}

/** Canonical objects first, in the order data/README.md documents them. */
const ORDER = [
	'journeys',
	'releases',
	'figures',
	'files',
	'areas',
	'periods',
	'journeys_in_use',
	'releases_in_use',
	'figures_in_use',
	'area_cdp'
];

/** Every table and view the explorer can query, with columns, types and row counts. */
export async function loadSchema(): Promise<SchemaObject[]> {
	const { db } = await session();
	const q = async <T>(sql: string) => toRows<T>(decode(await db.queryIpc(sql)));
	const objects = await q<{ name: string; kind: 'table' | 'view'; temporary: boolean }>(
		`SELECT table_name AS name, 'table' AS kind, temporary FROM duckdb_tables() WHERE NOT internal
		UNION ALL SELECT view_name, 'view', temporary FROM duckdb_views() WHERE NOT internal`
	);
	const cols = await q<{ table_name: string; column_name: string; data_type: string }>(
		`SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index`
	);
	const byTable = new Map<string, { name: string; type: string }[]>();
	for (const c of cols) {
		const list = byTable.get(c.table_name) ?? [];
		list.push({ name: c.column_name, type: c.data_type });
		byTable.set(c.table_name, list);
	}
	const rank = (name: string) => {
		const i = ORDER.indexOf(name);
		return i === -1 ? ORDER.length : i;
	};
	objects.sort(
		(a, b) => rank(a.name) - rank(b.name) || (a.kind === b.kind ? 0 : a.kind === 'table' ? -1 : 1) || a.name.localeCompare(b.name)
	);
	const out: SchemaObject[] = [];
	for (const o of objects) {
		const entry: SchemaObject = {
			name: o.name,
			kind: o.kind,
			temporary: Boolean(o.temporary),
			columns: byTable.get(o.name) ?? [],
			rows: null
		};
		try {
			const [{ n }] = await q<{ n: number }>(`SELECT count(*) AS n FROM ${o.temporary ? 'temp.' : ''}"${o.name.replace(/"/g, '""')}"`);
			entry.rows = Number(n);
		} catch (e) {
			entry.problem = String((e as Error).message ?? e).split('\n')[0];
		}
		out.push(entry);
	}
	return out;
}
