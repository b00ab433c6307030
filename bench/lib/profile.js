// --profile: where the time goes in DuckDB start-up and in one 1M-row ingest. Every request the page
// sends to the DuckDB worker is timed (rpc-trace.js); the gaps between requests are main-thread time
// (reading the file, IndexedDB, Svelte). Grouped by phase and printed.
import { RPC_TRACE } from './rpc-trace.js';
import { ingestOnce, openDataPage } from './ingest.js';
import { profileSwitches } from './cpu-profile.js';
import { traceSwitches } from './trace-switches.js';

function group(recs) {
	const byKey = new Map();
	for (const r of recs) {
		const key = r.sql ? `${r.type} ${r.sql.replace(/^(--[^\n]*?(?=\s[A-Z]{4,})\s)+/, '').slice(0, 90)}` : r.type;
		const g = byKey.get(key) ?? { key, n: 0, ms: 0 };
		g.n++;
		g.ms += r.ms ?? 0;
		byKey.set(key, g);
	}
	return [...byKey.values()].sort((a, b) => b.ms - a.ms);
}

export async function profileIngest(browser, origin, file) {
	const p = await openDataPage(browser, origin, { initScript: RPC_TRACE });
	const { page, context } = p;
	const take = () => page.evaluate(() => window.__benchRpc.splice(0));
	const startup = await take();
	const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
	const ing = await ingestOnce(page, file);
	const ingest = await take();
	const change = await page.evaluate(() => performance.getEntriesByName('bench-change').at(-1).startTime);
	const switchProfile = await profileSwitches(p, 20);
	const switchTrace = await traceSwitches(browser, page, 20);
	await context.close();
	const rpcMs = (l) => l.reduce((a, r) => a + (r.ms ?? 0), 0);
	const out = {
		startup: { marks, requests: startup.length, workerMs: rpcMs(startup), top: group(startup).slice(0, 12) },
		ingest: {
			toRedrawn: ing.toRedrawn,
			model: ing.modelMs,
			requests: ingest.length,
			workerMs: rpcMs(ingest),
			mainThreadMs: ing.toRedrawn - rpcMs(ingest),
			switchProfile,
			switchTrace,
			timeline: ingest.map((r) => ({
				at: Math.round(r.start - change),
				ms: Math.round(r.ms ?? -1),
				type: r.type,
				sql: r.sql?.slice(0, 110) ?? null,
				bytes: r.bytes
			}))
		}
	};
	console.log('\nProfile: DuckDB start-up (cold, /data)');
	console.log(
		`  marks: ${Object.entries(marks)
			.map(([k, v]) => `${k} ${Math.round(v)} ms`)
			.join(', ')}`
	);
	console.log(`  ${startup.length} worker requests, ${Math.round(out.startup.workerMs)} ms in the worker; largest groups:`);
	for (const g of out.startup.top) console.log(`    ${String(Math.round(g.ms)).padStart(6)} ms  ×${String(g.n).padEnd(4)} ${g.key}`);
	console.log(
		`\nProfile: 1M-row ingest, ${Math.round(ing.toRedrawn)} ms change → load-redrawn; ${Math.round(out.ingest.workerMs)} ms in worker requests, ${Math.round(out.ingest.mainThreadMs)} ms between them (main thread, IndexedDB, waiting)`
	);
	for (const t of out.ingest.timeline)
		if (t.ms >= 20)
			console.log(
				`  +${String(t.at).padStart(6)} ms ${String(t.ms).padStart(6)} ms  ${t.type} ${t.sql ?? ''}${t.bytes ? ` (${(t.bytes / 1e6).toFixed(0)} MB)` : ''}`
			);
	return out;
}
