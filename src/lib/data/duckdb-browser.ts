/**
 * DuckDB-WASM in a Web Worker, bundles self-hosted through Vite (no CDN). Browser only: import it
 * dynamically so SSR and prerender never load it.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { CONNECT_SQL, toRows, type Db } from './db';

const BUNDLES: duckdb.DuckDBBundles = {
	mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
	eh: { mainModule: ehWasm, mainWorker: ehWorker }
};

export interface BrowserDb extends Db {
	/** Cancels the query running now, if any. */
	cancel(): Promise<boolean>;
	/** Stops the worker: the only way to give wasm memory back. */
	terminate(): Promise<void>;
}

export async function createBrowserDb(): Promise<BrowserDb> {
	const bundle = await duckdb.selectBundle(BUNDLES);
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	await db.open({ query: { castBigIntToDouble: true } });
	const conn = await db.connect();
	for (const sql of CONNECT_SQL) await conn.query(sql);

	return {
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
		async dropFile(name: string) {
			await db.dropFile(name);
		},
		async cancel() {
			return conn.cancelSent();
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
