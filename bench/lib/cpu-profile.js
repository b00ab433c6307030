// --profile: a CPU profile (CDP Profiler) of the page while it switches area and cohort, reduced to the
// functions with the most self time, so the cost of a redraw can be attributed.
import { switches } from './ingest.js';

export async function profileSwitches(p, n = 20) {
	const cdp = p.memory.cdp;
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
	let s;
	await cdp.send('Profiler.start');
	try {
		s = await switches(p.page, n);
	} finally {
		var { profile } = await cdp.send('Profiler.stop');
	}
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const self = new Map();
	const dt = profile.timeDeltas;
	for (let i = 0; i < profile.samples.length; i++) {
		const node = byId.get(profile.samples[i]);
		const f = node.callFrame;
		const key = `${f.functionName || '(anonymous)'} ${f.url ? f.url.replace(/^.*\//, '') : ''}${f.url ? `:${f.lineNumber + 1}` : ''}`;
		self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
	}
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const top = [...self.entries()]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 25)
		.map(([fn, ms]) => ({ fn, ms: Math.round(ms) }));
	const busy = total - (self.get('(idle) ') ?? 0) - (self.get('(program) ') ?? 0);
	console.log(
		`\nProfile: ${s.length} area/cohort switches, ${Math.round(total)} ms sampled, ${Math.round(busy)} ms in JS (excl. idle/program); top self time:`
	);
	for (const t of top) console.log(`  ${String(t.ms).padStart(6)} ms  ${t.fn}`);
	return { switches: s, sampledMs: total, top };
}
