/**
 * The browser's row decoding (src/lib/data/duckdb-client.ts, flechette) against the Node path's (apache-arrow,
 * `toRows`), on the very bytes DuckDB-WASM returns: every query the ingest of the embedded files and the model make
 * must give identical rows both ways, as must the column types the app reads. Also the record batch row count the
 * explorer's streamed results are capped with, and the WebAssembly feature test that picks the bundle.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchRows, hasWasmExceptions, ipcRows } from '../../src/lib/data/duckdb-client';
import { CONNECT_SQL, toRows, type Db, type Row } from '../../src/lib/data/db';
import { initSchema } from '../../src/lib/data/schema';
import { ingestFile } from '../../src/lib/data/ingest';
import { DEFAULT_FILES } from '../../src/lib/data/defaults';
import { computeModel } from '../../src/lib/metrics/model';

/** The part of DuckDB-WASM's blocking bindings this test calls: the calls the worker makes for the browser. */
interface Bindings {
	instantiate(): Promise<void>;
	open(config: object): void;
	connect(): { useUnsafe<R>(f: (b: unknown, conn: number) => R): R };
	runQuery(conn: number, sql: string): Uint8Array;
	createPrepared(conn: number, sql: string): number;
	runPrepared(conn: number, statement: number, params: unknown[]): Uint8Array;
	closePrepared(conn: number, statement: number): void;
	startPendingQuery(conn: number, sql: string, stream: boolean): Uint8Array | null;
	pollPendingQuery(conn: number): Uint8Array | null;
	fetchQueryResults(conn: number): Uint8Array | null;
	registerFileBuffer(name: string, bytes: Uint8Array): void;
	dropFile(name: string): void;
}

let duck: Bindings;
let conn = 0;

/** Both decodings of one result's bytes: apache-arrow as in Node (and before, in the browser), flechette as now. */
function both(bytes: Uint8Array) {
	return { arrow: toRows<Row>(tableFromIPC(bytes)), flechette: ipcRows<Row>(bytes) };
}

const copy = (b: Uint8Array) => new Uint8Array(b);

function run(sql: string, params: unknown[] = []): Uint8Array {
	// Copied: the bindings' result views wasm memory, which the next call may reuse.
	if (!params.length) return copy(duck.runQuery(conn, sql));
	const statement = duck.createPrepared(conn, sql);
	try {
		return copy(duck.runPrepared(conn, statement, params));
	} finally {
		duck.closePrepared(conn, statement);
	}
}

/** The chunks the explorer receives for a streamed query: the schema, then one message per record batch. */
function stream(sql: string): Uint8Array[] {
	let header = duck.startPendingQuery(conn, sql, true);
	while (header == null) header = duck.pollPendingQuery(conn);
	const chunks = [copy(header)];
	for (;;) {
		const chunk = duck.fetchQueryResults(conn);
		if (chunk == null) continue;
		if (chunk.length === 0) return chunks;
		chunks.push(copy(chunk));
	}
}

beforeAll(async () => {
	const require = createRequire(import.meta.url);
	const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
	const duckdb = require(entry);
	const dist = path.dirname(entry);
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	duck = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await duck.instantiate();
	duck.open({ query: { castBigIntToDouble: true } });
	conn = duck.connect().useUnsafe((_, c) => c);
	for (const sql of CONNECT_SQL) run(sql);
});

describe('rows decoded with flechette equal rows decoded with apache-arrow', () => {
	it('for every query of the embedded files’ ingest and of the model', async () => {
		const compared = { queries: 0, rows: 0 };
		const db: Db = {
			async query<T>(sql: string, params: unknown[] = []) {
				const { arrow, flechette } = both(run(sql, params));
				expect(flechette, sql).toStrictEqual(arrow);
				compared.queries++;
				compared.rows += arrow.length;
				return flechette as T[];
			},
			async exec(sql: string) {
				run(sql);
			},
			async registerFile(name: string, bytes: Uint8Array) {
				duck.registerFileBuffer(name, bytes);
			},
			async registerBlob(name: string, blob: Blob) {
				duck.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
			},
			async dropFile(name: string) {
				duck.dropFile(name);
			},
			async close() {}
		};
		await initSchema(db);
		let fileId = 1;
		for (const name of DEFAULT_FILES) {
			const data = new Uint8Array(await readFile(path.resolve('data', name)));
			await ingestFile(db, { fileId: fileId++, name, data, embedded: true });
		}
		const model = await computeModel(db.query);
		expect(model.files.length).toBe(DEFAULT_FILES.length);
		// Enough to mean something: the model alone makes dozens of queries over thousands of rows.
		expect(compared.queries).toBeGreaterThan(30);
		expect(compared.rows).toBeGreaterThan(1000);
	});

	it('for the column types the app reads: numbers, text, enums, lists, dates, timestamps, booleans, nulls', () => {
		const sql = `SELECT i::INTEGER AS int, i::BIGINT * 3000000000 AS big, i / 4 AS dbl, 'r' || i AS txt,
			(['a', 'b', 'c'])[i % 3 + 1]::ENUM('a', 'b', 'c') AS enum, ['x', NULL, 'y' || i] AS list,
			DATE '1960-02-29' + i::INTEGER * 400 AS date, TIMESTAMP '2024-03-01 12:34:56.789' + INTERVAL (i) HOUR AS ts,
			i % 2 = 0 AS bool, CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS maybe, NULL::DATE AS no_date
			FROM range(3000) t(i)`;
		const rows = both(run(sql));
		expect(rows.flechette).toStrictEqual(rows.arrow);
		expect(rows.flechette[7]).toStrictEqual({
			int: 7,
			big: 21000000000,
			dbl: 1.75,
			txt: 'r7',
			enum: 'b',
			list: ['x', null, 'y7'],
			date: Date.UTC(1960, 1, 29) + 7 * 400 * 86_400_000,
			ts: Date.UTC(2024, 2, 1, 19, 34, 56, 789),
			bool: false,
			maybe: 7,
			no_date: null
		});
	});

	it('with parameters bound', () => {
		const rows = both(run(`SELECT ? + 1 AS n, ?::VARCHAR AS s, ?::DATE AS d`, [41, 'x', '2024-01-31']));
		expect(rows.flechette).toStrictEqual(rows.arrow);
		expect(rows.flechette).toStrictEqual([{ n: 42, s: 'x', d: Date.UTC(2024, 0, 31) }]);
	});

	it('gives a DECIMAL as its value (no dashboard query returns one; apache-arrow would give a big-number object)', () => {
		expect(ipcRows(run(`SELECT 12.345::DECIMAL(10, 3) AS a, sum(x) AS b FROM (VALUES (1), (2)) t(x)`))).toStrictEqual([
			{ a: 12.345, b: 3 }
		]);
	});
});

describe('streamed results', () => {
	// No ENUM: DuckDB's streamed results carry no dictionary message, so apache-arrow reads every value of such a
	// column as null, in the explorer as before this client (reported, not changed here).
	const sql = `SELECT i, 'row ' || i AS label, DATE '2020-01-01' + i::INTEGER AS day FROM range(10000) t(i)`;

	it('count each record batch’s rows from its header', () => {
		const chunks = stream(sql);
		expect(batchRows(chunks[0])).toBe(0);
		// DuckDB sends one batch per fetch (2,048 rows), so the count is tried on several batches, the last one short.
		expect(chunks.length).toBeGreaterThan(3);
		const counts = chunks.slice(1).map(batchRows);
		expect(counts.reduce((a, b) => a + b, 0)).toBe(10000);
		for (let i = 1; i < chunks.length; i++) expect(counts[i - 1]).toBe(tableFromIPC([chunks[0], chunks[i]]).numRows);
	});

	it('decode with apache-arrow (as the explorer does) to the rows of the whole result', () => {
		expect(toRows(tableFromIPC(stream(sql)))).toStrictEqual(both(run(sql)).flechette);
	});

	it('count rows in a stream of several messages, and stop at its end marker', () => {
		const chunks = stream(sql);
		const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0) + 8);
		let at = 0;
		for (const c of chunks) {
			joined.set(c, at);
			at += c.length;
		}
		joined.set([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0], at);
		expect(batchRows(joined)).toBe(10000);
	});
});

it('Node’s WebAssembly has exception handling, so the feature test answers true where the eh bundle runs', () => {
	expect(hasWasmExceptions()).toBe(true);
});
