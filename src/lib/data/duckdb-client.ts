/**
 * A small client for DuckDB-WASM's own worker script (`duckdb-browser-eh.worker.js`, unchanged): it posts the
 * worker's messages itself instead of loading DuckDB-WASM's JS client, which carries apache-arrow and was the largest
 * piece of the home page's JavaScript. Results arrive as Arrow IPC bytes; `ipcRows` turns them into plain rows with
 * flechette (a small Arrow decoder). The protocol is DuckDB-WASM 1.32's (dist/types/src/parallel/worker_request.d.ts):
 * a request is `{messageId, type, data}`, its answer `{requestId, type, data}`.
 */
import { tableFromIPC } from '@uwdata/flechette';
import { plainRow } from './db';

/** `DuckDBDataProtocol.BROWSER_FILEREADER`: the worker reads a Blob with FileReaderSync, a chunk at a time. */
export const BROWSER_FILEREADER = 2;

/** The answer each request expects; any other (but ERROR) is a protocol error. */
const ANSWER = {
	INSTANTIATE: 'OK',
	OPEN: 'OK',
	CONNECT: 'CONNECTION_INFO',
	DISCONNECT: 'OK',
	RUN_QUERY: 'QUERY_RESULT',
	CREATE_PREPARED: 'PREPARED_STATEMENT_ID',
	RUN_PREPARED: 'QUERY_RESULT',
	CLOSE_PREPARED: 'OK',
	START_PENDING_QUERY: 'QUERY_RESULT_HEADER_OR_NULL',
	POLL_PENDING_QUERY: 'QUERY_RESULT_HEADER_OR_NULL',
	FETCH_QUERY_RESULTS: 'QUERY_RESULT_CHUNK',
	CANCEL_PENDING_QUERY: 'SUCCESS',
	REGISTER_FILE_BUFFER: 'OK',
	REGISTER_FILE_HANDLE: 'OK',
	DROP_FILE: 'OK'
} as const;

type Request = keyof typeof ANSWER;

/** Messages the worker sends on its own (logs, progress): not answers to anything. */
const UNASSOCIATED = new Set(['LOG', 'PROGRESS_UPDATE', 'INSTANTIATE_PROGRESS']);

interface Answer {
	requestId: number;
	type: string;
	data: unknown;
}

export interface DuckClient {
	/** Loads and starts the wasm module (an absolute URL: the worker may run from a blob: URL). */
	instantiate(wasmUrl: string): Promise<void>;
	open(config: { query?: { castBigIntToDouble?: boolean } }): Promise<void>;
	connect(): Promise<number>;
	disconnect(conn: number): Promise<void>;
	/** Runs a statement to completion; the whole result as one Arrow IPC file. */
	runQuery(conn: number, sql: string): Promise<Uint8Array>;
	prepare(conn: number, sql: string): Promise<number>;
	runPrepared(conn: number, statement: number, params: unknown[]): Promise<Uint8Array>;
	closePrepared(conn: number, statement: number): Promise<void>;
	/**
	 * Starts a statement the worker runs a step per poll, so `cancelPending` can stop it in between. Resolves to the
	 * Arrow IPC stream's schema message when the result is ready, or null while it is still running (poll again).
	 */
	startPending(conn: number, sql: string, streamResult: boolean): Promise<Uint8Array | null>;
	pollPending(conn: number): Promise<Uint8Array | null>;
	/** The next record batch message of a pending result; empty at the end, null when not ready yet. */
	fetchResults(conn: number): Promise<Uint8Array | null>;
	cancelPending(conn: number): Promise<boolean>;
	/** The buffer is moved to the worker (detached here). */
	registerFileBuffer(name: string, bytes: Uint8Array): Promise<void>;
	registerFileHandle(name: string, handle: Blob, protocol: number, directIO: boolean): Promise<void>;
	dropFile(name: string): Promise<void>;
	/** Stops the worker. Requests still waiting then never settle, as with DuckDB-WASM's own client. */
	terminate(): void;
}

export function createClient(worker: Worker): DuckClient {
	let nextId = 0;
	const waiting = new Map<number, { expect: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();

	worker.addEventListener('message', (event: MessageEvent<Answer>) => {
		const answer = event.data;
		if (UNASSOCIATED.has(answer.type)) return;
		const task = waiting.get(answer.requestId);
		if (!task) return;
		waiting.delete(answer.requestId);
		if (answer.type === 'ERROR') {
			// Sent as a plain object (Firefox cannot clone an Error): rebuilt so callers see DuckDB's message and name.
			const { message, name, stack } = answer.data as { message: string; name: string; stack?: string };
			task.reject(Object.assign(new Error(message), { name, ...(stack ? { stack } : {}) }));
		} else if (answer.type !== task.expect) task.reject(new Error(`DuckDB's worker answered ${answer.type} where ${task.expect} was expected.`));
		else task.resolve(answer.data);
	});
	// A worker that fails to load or crashes answers nothing more: fail everything waiting rather than hang.
	worker.addEventListener('error', (event) => {
		const error = new Error(`DuckDB's worker failed: ${event.message}`);
		for (const task of waiting.values()) task.reject(error);
		waiting.clear();
	});

	function call<T>(type: Request, data: unknown, transfer: Transferable[] = []): Promise<T> {
		const messageId = nextId++;
		return new Promise<T>((resolve, reject) => {
			waiting.set(messageId, { expect: ANSWER[type], resolve: resolve as (v: unknown) => void, reject });
			worker.postMessage({ messageId, type, data }, transfer);
		});
	}

	return {
		instantiate: (wasmUrl) => call('INSTANTIATE', [wasmUrl, null]),
		open: (config) => call('OPEN', config),
		connect: () => call('CONNECT', null),
		disconnect: (conn) => call('DISCONNECT', conn),
		runQuery: (conn, sql) => call('RUN_QUERY', [conn, sql]),
		prepare: (conn, sql) => call('CREATE_PREPARED', [conn, sql]),
		runPrepared: (conn, statement, params) => call('RUN_PREPARED', [conn, statement, params]),
		closePrepared: (conn, statement) => call('CLOSE_PREPARED', [conn, statement]),
		startPending: (conn, sql, streamResult) => call('START_PENDING_QUERY', [conn, sql, streamResult]),
		pollPending: (conn) => call('POLL_PENDING_QUERY', conn),
		fetchResults: (conn) => call('FETCH_QUERY_RESULTS', conn),
		cancelPending: (conn) => call('CANCEL_PENDING_QUERY', conn),
		registerFileBuffer: (name, bytes) => call('REGISTER_FILE_BUFFER', [name, bytes], [bytes.buffer]),
		registerFileHandle: (name, handle, protocol, directIO) => call('REGISTER_FILE_HANDLE', [name, handle, protocol, directIO]),
		dropFile: (name) => call('DROP_FILE', name),
		terminate: () => worker.terminate()
	};
}

/**
 * True where the browser's WebAssembly has exception handling, which DuckDB's faster `eh` build needs (every current
 * browser; older ones take the `mvp` build). Validates the smallest module that uses it: one function whose body is
 * an empty `try … catch_all … end`.
 */
export function hasWasmExceptions(): boolean {
	// prettier-ignore
	const module = new Uint8Array([
		0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
		0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: one type, () -> ()
		0x03, 0x02, 0x01, 0x00, // function section: one function of type 0
		0x0a, 0x08, 0x01, 0x06, 0x00, // code section: one body of 6 bytes, no locals
		0x06, 0x40, 0x19, 0x0b, 0x0b // try (no result), catch_all, end (try), end (function)
	]);
	return WebAssembly.validate(module);
}

/**
 * Plain rows from a whole Arrow IPC result (what RUN_QUERY and RUN_PREPARED answer): the same rows
 * `toRows` makes from apache-arrow's table in Node. 64-bit integers are read as BigInt and turned into Number as
 * `toRows` does (never refused as unsafe); dates and timestamps are epoch milliseconds, as apache-arrow gives them.
 */
export function ipcRows<T>(ipc: Uint8Array): T[] {
	const rows = tableFromIPC(ipc, { useBigInt: true }).toArray() as Record<string, unknown>[];
	for (const row of rows) plainRow(row);
	return rows as T[];
}

/** The rows in one record batch message of an Arrow IPC stream (0 for any other message), read from its header. */
export function batchRows(message: Uint8Array): number {
	const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
	// Flatbuffers: a table is found through the offset stored at `pos`; its fields through its vtable (0: absent).
	const table = (pos: number) => pos + view.getUint32(pos, true);
	const field = (tablePos: number, index: number) => {
		const vtable = tablePos - view.getInt32(tablePos, true);
		const offset = 4 + 2 * index < view.getUint16(vtable, true) ? view.getUint16(vtable + 4 + 2 * index, true) : 0;
		return offset ? tablePos + offset : 0;
	};
	let rows = 0;
	// Each message: 0xFFFFFFFF, the header's length, the header (a flatbuffer `Message`), then its body.
	for (let at = 0; at + 8 <= message.length; ) {
		const headerLength = view.getInt32(at + 4, true);
		if (headerLength <= 0) break;
		const start = at + 8;
		const msg = table(start);
		const headerType = field(msg, 1);
		const body = field(msg, 3);
		// Message.header_type 3 is a RecordBatch, whose first field is its length in rows.
		if (headerType && view.getUint8(headerType) === 3) {
			const length = field(table(field(msg, 2)), 0);
			if (length) rows += Number(view.getBigInt64(length, true));
		}
		at = start + headerLength + (body ? Number(view.getBigInt64(body, true)) : 0);
	}
	return rows;
}
