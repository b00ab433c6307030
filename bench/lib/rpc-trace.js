// Profiling aid (bench --profile only): an init script that times every request the page sends to the
// DuckDB worker (duckdb-wasm's message protocol: {messageId, type, data} answered by {requestId, type}),
// so time spent in DuckDB can be told apart from time on the main thread without touching the app.
export const RPC_TRACE = () => {
	const Native = window.Worker;
	const log = (window.__benchRpc = []);
	window.Worker = class extends Native {
		constructor(...args) {
			super(...args);
			const pending = new Map();
			this.addEventListener('message', (e) => {
				const d = e.data;
				if (!d || d.type === 'INSTANTIATE_PROGRESS' || d.type === 'LOG') return;
				const rec = pending.get(d.requestId);
				if (rec) {
					rec.end = performance.now();
					rec.ms = rec.end - rec.start;
					rec.result = d.type;
					pending.delete(d.requestId);
				}
			});
			const post = this.postMessage.bind(this);
			this.postMessage = (m, transfer) => {
				if (m && typeof m === 'object' && m.messageId != null) {
					const data = m.data;
					let sql = null;
					if (Array.isArray(data)) sql = data.find((x) => typeof x === 'string') ?? null;
					else if (typeof data === 'string') sql = data;
					const bytes = Array.isArray(data) ? data.find((x) => x instanceof Uint8Array)?.byteLength : undefined;
					const rec = { type: m.type, sql: sql ? sql.replace(/\s+/g, ' ').slice(0, 160) : null, bytes, start: performance.now() };
					pending.set(m.messageId, rec);
					log.push(rec);
				}
				return transfer ? post(m, transfer) : post(m);
			};
		}
	};
};
