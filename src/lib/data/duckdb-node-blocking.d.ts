// The part of DuckDB-WASM's Node build (dist/duckdb-node-blocking.cjs) this project uses. The package's
// export map hides the file's own .d.ts, so the API is declared here.
declare module '@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs' {
	interface ArrowLike {
		toArray(): { toJSON(): Record<string, unknown> }[];
	}
	interface Statement {
		query(...params: unknown[]): ArrowLike;
		close(): void;
	}
	interface Connection {
		query(sql: string): ArrowLike;
		prepare(sql: string): Statement;
		close(): void;
	}
	interface Database {
		instantiate(): Promise<void>;
		open(config: { query?: { castBigIntToDouble?: boolean } }): void;
		connect(): Connection;
		registerFileBuffer(name: string, buffer: Uint8Array): void;
		dropFile(name: string): void;
		reset(): void;
	}
	type Bundles = Record<'mvp' | 'eh', { mainModule: string; mainWorker: string }>;
	export class VoidLogger {}
	export const NODE_RUNTIME: unknown;
	export function createDuckDB(bundles: Bundles, logger: VoidLogger, runtime: unknown): Promise<Database>;
}
