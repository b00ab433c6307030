/**
 * DuckDB-WASM in a Web Worker, bundles self-hosted through Vite (no CDN). Browser only: import it
 * dynamically so SSR and prerender never load it.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { CONNECT_SQL, toRows, type Db } from './db';
import { takeWorker, WORKER_URLS } from './duckdb-worker';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: WORKER_URLS.mvp },
	eh: { mainModule: ehWasm, mainWorker: WORKER_URLS.eh }
};

/** A raw Arrow result, cut at `maxRows` when the query returned more. */
export interface ArrowResult {
	table: Table;
	/** True when more rows existed than were fetched. */
	capped: boolean;
}

export interface BrowserDb extends Db {
	/**
	 * Runs one statement on the explorer's own connection (it sees the canonical tables and views, not
	 * other connections' temporary ones) and returns the raw Arrow table, streaming at most `maxRows`
	 * rows from the worker. The query can be stopped with `cancel()`; it then rejects with an Error
	 * named 'CancelledError'.
	 */
	queryArrow(sql: string, maxRows?: number): Promise<ArrowResult>;
	/** Cancels the query running now, if any. */
	cancel(): Promise<boolean>;
	/** Stops the worker: the only way to give wasm memory back. */
	terminate(): Promise<void>;
}

export async function createBrowserDb(): Promise<BrowserDb> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = takeWorker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	// Absolute: the worker runs from a blob: URL, against which a relative path would not resolve.
	await db.instantiate(new URL(bundle.mainModule, location.href).href, bundle.pthreadWorker);
	performance.mark('duckdb-instantiated');
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const sql of CONNECT_SQL) await conn.query(sql);

	// The explorer's connection: opened on first use, so queries typed by an analyst never interleave with
	// (or invalidate) the dashboard's own statements on `conn`.
	let explorer: Promise<duckdb.AsyncDuckDBConnection> | null = null;
	const explorerConn = () =>
		(explorer ??= (async () => {
			const c = await db.connect();
			for (const sql of CONNECT_SQL) await c.query(sql);
			return c;
		})());
	// One statement at a time on that connection: a second query sent while a result is still streaming
	// would take over the connection and mix up the two results. Each call has a token `cancel()` marks.
	let queue: Promise<unknown> = Promise.resolve();
	const pending = new Set<{ cancelled: boolean }>();
	const cancelled = () => Object.assign(new Error('The query was cancelled.'), { name: 'CancelledError' });

	async function streamArrow(sql: string, maxRows: number, token: { cancelled: boolean }) {
		if (token.cancelled) throw cancelled();
		const c = await explorerConn();
		let reader;
		try {
			// Sent (not run) so the worker polls it and `cancel()` can stop it; streamed so a huge result is
			// never materialised beyond `maxRows`.
			reader = await c.send(sql, true);
		} catch (e) {
			if (token.cancelled) throw cancelled();
			throw e;
		}
		if (!reader || token.cancelled) throw cancelled();
		const batches: RecordBatch[] = [];
		let rows = 0;
		let capped = false;
		for await (const batch of reader) {
			if (token.cancelled) throw cancelled();
			if (rows + batch.numRows > maxRows) {
				if (maxRows > rows) batches.push(batch.slice(0, maxRows - rows));
				capped = true;
				break;
			}
			batches.push(batch);
			rows += batch.numRows;
		}
		if (token.cancelled) throw cancelled();
		return { table: new Table(reader.schema, batches), capped };
	}

	return {
		queryArrow(sql: string, maxRows = Number.POSITIVE_INFINITY) {
			const token = { cancelled: false };
			pending.add(token);
			const run = queue.then(() => streamArrow(sql, maxRows, token)).finally(() => pending.delete(token));
			queue = run.catch(() => {});
			return run;
		},
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(await conn.query(sql));
			const stmt = await conn.prepare(sql);
			try {
				return toRows<T>(await stmt.query(...params));
			} finally {
				await stmt.close();
			}
		},
		async exec(sql: string) {
			await conn.query(sql);
		},
		async registerFile(name: string, bytes: Uint8Array) {
			await db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name: string, blob: Blob) {
			// Read by the worker with FileReaderSync, a chunk at a time: the page never copies the file.
			await db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
		},
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async cancel() {
			for (const token of pending) token.cancelled = true;
			const c = explorer ? await explorer : null;
			const [main, explore] = await Promise.all([conn.cancelSent(), c ? c.cancelSent() : false]);
			return main || explore;
		},
		async close() {
			await conn.close();
			await db.terminate();
		},
		async terminate() {
			await db.terminate();
			worker.terminate();
		}
	};
}
