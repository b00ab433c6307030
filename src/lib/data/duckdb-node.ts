/**
 * DuckDB for Node (tests and build-time prerender): the duckdb-wasm Node build, i.e. the same engine and
 * SQL dialect as the browser. Never import this from browser code.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { CONNECT_SQL, toRows, type Db } from './db';

type DuckModule = typeof import('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');

export async function createNodeDb(): Promise<Db> {
	const require = createRequire(import.meta.url);
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const duckdb: DuckModule = require(entry);
	const dist = path.dirname(entry);
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({ query: { castBigIntToDouble: true } });
	const conn = db.connect();
	for (const sql of CONNECT_SQL) conn.query(sql);

	return {
		async query<T>(sql: string, params: unknown[] = []) {
			if (params.length === 0) return toRows<T>(conn.query(sql));
			const stmt = conn.prepare(sql);
			try {
				return toRows<T>(stmt.query(...params));
			} finally {
				stmt.close();
			}
		},
		async exec(sql: string) {
			conn.query(sql);
		},
		async registerFile(name: string, bytes: Uint8Array) {
			db.registerFileBuffer(name, bytes);
		},
		async registerBlob(name: string, blob: Blob) {
			db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
		},
		async dropFile(name: string) {
			db.dropFile(name);
		},
		async close() {
			conn.close();
			db.reset();
		}
	};
}
