/**
 * The one interface the rest of the app uses to talk to DuckDB. Two implementations exist:
 * `duckdb-node.ts` (tests, build-time prerender) and `duckdb-browser.ts` (a Web Worker), so the
 * same SQL runs everywhere.
 */
export type Row = Record<string, unknown>;

export interface Db {
	/** Runs one statement; `params` bind to `?` placeholders (never spliced into the SQL text). */
	query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
	/** Runs a script of several statements with no parameters (schema, macros). */
	exec(sql: string): Promise<void>;
	/** Makes bytes readable by `read_csv(name)`. The bytes may be detached afterwards. */
	registerFile(name: string, bytes: Uint8Array): Promise<void>;
	/** Makes a Blob (a File the user picked) readable by `read_csv(name)`; DuckDB reads it as it needs it. */
	registerBlob(name: string, blob: Blob): Promise<void>;
	dropFile(name: string): Promise<void>;
	close(): Promise<void>;
}

/** A function that runs SQL: what metrics receive. */
export type QueryRunner = Db['query'];

interface ArrowLike {
	toArray(): { toJSON(): Row }[];
}

/** Converts an apache-arrow table (the Node path; the explorer's decoded results) to plain rows. */
export function toRows<T>(table: ArrowLike): T[] {
	return table.toArray().map((r) => plainRow(r.toJSON()) as T);
}

/**
 * Makes a decoded row plain data, in place, in both runtimes: BigInt (cast to double at open time; this catches the
 * rest) becomes Number, and a list becomes an array (apache-arrow gives a Vector, flechette an array already).
 */
export function plainRow(row: Row): Row {
	for (const k in row) {
		const v = row[k];
		if (typeof v === 'bigint') row[k] = Number(v);
		else if (isVector(v)) row[k] = Array.from(v);
	}
	return row;
}

function isVector(v: unknown): v is Iterable<unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && typeof (v as { toArray?: unknown }).toArray === 'function';
}

/** Settings applied right after connecting, in both runtimes. */
export const CONNECT_SQL = [
	// Without this DuckDB tries to download extensions from the internet.
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false'
];
