/**
 * DuckDB's worker, which can start before the page hydrates: this module is small (no DuckDB client), so the client
 * init hook can start the worker script loading and compiling on another thread while the page hydrates, and the
 * engine takes that worker when it starts at idle.
 */
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export const WORKER_URLS = { eh: ehWorker, mvp: mvpWorker };

let early: { url: string; worker: Worker } | null = null;

/**
 * A worker that compiles the wasm with plain `instantiateStreaming(fetch(url))`. Where `TransformStream` exists,
 * DuckDB-WASM pipes the response through one to report progress, and a response rebuilt from a stream has no cache
 * handler: Chrome then never keeps the compiled module, and every visit pays again (see BENCHMARKS.md). Without it
 * DuckDB takes the plain streaming path, which Chrome caches by URL.
 */
function cacheableWorker(url: string): Worker {
	const script = new URL(url, location.href).href;
	const boot = `self.TransformStream = undefined; importScripts(${JSON.stringify(script)});`;
	return new Worker(URL.createObjectURL(new Blob([boot], { type: 'text/javascript' })));
}

/** Starts the worker of the bundle every current browser takes (wasm exceptions: `eh`). */
export function startWorkerEarly(): void {
	early ??= { url: ehWorker, worker: cacheableWorker(ehWorker) };
}

/** The early worker if it runs the bundle chosen, else a new one (and the early one is stopped). */
export function takeWorker(url: string): Worker {
	const found = early;
	early = null;
	if (found?.url === url) return found.worker;
	found?.worker.terminate();
	return cacheableWorker(url);
}
