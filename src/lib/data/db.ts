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

/** Converts an Arrow result to plain rows. BigInt is cast to double at open time; this catches the rest. */
export function toRows<T>(table: ArrowLike): T[] {
	return table.toArray().map((r) => {
		const o = r.toJSON();
		for (const k in o) {
			const v = o[k];
			if (typeof v === 'bigint') o[k] = Number(v);
		}
		return o as T;
	});
}

/** Settings applied right after connecting, in both runtimes. */
export const CONNECT_SQL = [
	// Without this DuckDB tries to download extensions from the internet.
	'SET autoload_known_extensions = false',
	'SET autoinstall_known_extensions = false'
];
