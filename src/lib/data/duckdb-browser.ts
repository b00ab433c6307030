/**
 * DuckDB-WASM in a Web Worker, bundles self-hosted through Vite (no CDN), spoken to by our own small client
 * (`duckdb-client.ts`) rather than DuckDB-WASM's JS and apache-arrow. Browser only: import it dynamically so SSR and
 * prerender never load it.
 */
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import { CONNECT_SQL, type Db } from './db';
import { BROWSER_FILEREADER, batchRows, createClient, hasWasmExceptions, ipcRows } from './duckdb-client';
import { takeWorker, WORKER_URLS } from './duckdb-worker';

/** A raw result as Arrow IPC stream messages (schema first), for the explorer to decode. */
export interface IpcResult {
	chunks: Uint8Array[];
	/** Rows to keep: the chunks may hold more (the last one is whole), never more than `maxRows` are kept. */
	rows: number;
	/** True when more rows existed than were fetched. */
	capped: boolean;
}

export interface BrowserDb extends Db {
	/**
	 * Runs one statement on the explorer's own connection (it sees the canonical tables and views, not
	 * other connections' temporary ones) and returns the raw Arrow stream, fetching record batches from the worker
	 * until `maxRows` rows are reached. The query can be stopped with `cancel()`; it then rejects with an Error
	 * named 'CancelledError'.
	 */
	queryIpc(sql: string, maxRows?: number): Promise<IpcResult>;
	/** Cancels the query running now, if any. */
	cancel(): Promise<boolean>;
	/** Stops the worker: the only way to give wasm memory back. */
	terminate(): Promise<void>;
}

export async function createBrowserDb(): Promise<BrowserDb> {
	const eh = hasWasmExceptions();
	const worker = takeWorker(eh ? WORKER_URLS.eh : WORKER_URLS.mvp);
	const client = createClient(worker);
	// Absolute: the worker runs from a blob: URL, against which a relative path would not resolve.
	await client.instantiate(new URL(eh ? ehWasm : mvpWasm, location.href).href);
	performance.mark('duckdb-instantiated');
	await client.open({ query: { castBigIntToDouble: true } });
	const connect = async () => {
		const c = await client.connect();
		for (const sql of CONNECT_SQL) await client.runQuery(c, sql);
		return c;
	};
	const conn = await connect();

	// The explorer's connection: opened on first use, so queries typed by an analyst never interleave with
	// (or invalidate) the dashboard's own statements on `conn`.
	let explorer: Promise<number> | null = null;
	const explorerConn = () => (explorer ??= connect());
	// One statement at a time on that connection: a second query sent while a result is still streaming
	// would take over the connection and mix up the two results. Each call has a token `cancel()` marks.
	let queue: Promise<unknown> = Promise.resolve();
	const pending = new Set<{ cancelled: boolean }>();
	const cancelled = () => Object.assign(new Error('The query was cancelled.'), { name: 'CancelledError' });

	async function streamIpc(sql: string, maxRows: number, token: { cancelled: boolean }): Promise<IpcResult> {
		if (token.cancelled) throw cancelled();
		const c = await explorerConn();
		try {
			return await fetchIpc(c, sql, maxRows, token);
		} catch (e) {
			// A query stopped in the worker fails with DuckDB's own error: once cancelled, it is a cancellation.
			throw token.cancelled ? cancelled() : e;
		}
	}

	async function fetchIpc(c: number, sql: string, maxRows: number, token: { cancelled: boolean }): Promise<IpcResult> {
		// Started (not run) so the worker runs it a step per poll and `cancel()` can stop it; streamed so a huge
		// result is never materialised beyond `maxRows`.
		let header = await client.startPending(c, sql, true);
		while (header == null && !token.cancelled) header = await client.pollPending(c);
		if (!header || token.cancelled) throw cancelled();
		const chunks = [header];
		let rows = 0;
		let capped = false;
		for (;;) {
			let chunk: Uint8Array | null = null;
			while (chunk == null && !token.cancelled) chunk = await client.fetchResults(c);
			if (!chunk || token.cancelled) throw cancelled();
			if (chunk.length === 0) break;
			const n = batchRows(chunk);
			if (rows + n > maxRows) {
				if (maxRows > rows) {
					chunks.push(chunk);
					rows = maxRows;
				}
				capped = true;
				break;
			}
			chunks.push(chunk);
			rows += n;
		}
		return { chunks, rows, capped };
	}

	async function query<T>(sql: string, params: unknown[] = []) {
		if (params.length === 0) return ipcRows<T>(await client.runQuery(conn, sql));
		const statement = await client.prepare(conn, sql);
		try {
			return ipcRows<T>(await client.runPrepared(conn, statement, params));
		} finally {
			await client.closePrepared(conn, statement);
		}
	}

	return {
		queryIpc(sql: string, maxRows = Number.POSITIVE_INFINITY) {
			const token = { cancelled: false };
			pending.add(token);
			const run = queue.then(() => streamIpc(sql, maxRows, token)).finally(() => pending.delete(token));
			queue = run.catch(() => {});
			return run;
		},
		query,
		async exec(sql: string) {
			await client.runQuery(conn, sql);
		},
		async registerFile(name: string, bytes: Uint8Array) {
			await client.registerFileBuffer(name, bytes);
		},
		async registerBlob(name: string, blob: Blob) {
			// Read by the worker with FileReaderSync, a chunk at a time: the page never copies the file.
			await client.registerFileHandle(name, blob, BROWSER_FILEREADER, true);
		},
		async dropFile(name: string) {
			await client.dropFile(name);
		},
		async cancel() {
			for (const token of pending) token.cancelled = true;
			const c = explorer ? await explorer : null;
			const [main, explore] = await Promise.all([client.cancelPending(conn), c != null ? client.cancelPending(c) : false]);
			return main || explore;
		},
		async close() {
			await client.disconnect(conn);
			client.terminate();
		},
		async terminate() {
			client.terminate();
		}
	};
}
