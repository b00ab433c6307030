// --profile: a Chrome trace (devtools.timeline) of area/cohort switches, summed per switch on the
// renderer main thread: script (FunctionCall, event dispatch, microtasks), style recalculation, layout,
// pre-paint and paint. Says whether a slow redraw is JavaScript or rendering work.
import { switches } from './ingest.js';

const GROUPS = {
	script: ['FunctionCall', 'EventDispatch', 'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'v8.callFunction', 'EvaluateScript'],
	style: ['UpdateLayoutTree', 'RecalculateStyles'],
	layout: ['Layout'],
	prePaint: ['PrePaint'],
	paint: ['Paint', 'PaintImage', 'Layerize', 'UpdateLayer', 'CompositeLayers', 'Commit'],
	gc: ['MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase']
};

export async function traceSwitches(browser, page, n = 20) {
	await browser.startTracing(page, {
		categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing']
	});
	let s;
	try {
		s = await switches(page, n);
	} finally {
		var buf = await browser.stopTracing();
	}
	const { traceEvents } = JSON.parse(buf.toString());
	const threads = new Map();
	for (const e of traceEvents) if (e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, true);
	const main = traceEvents.filter((e) => threads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur);
	// Busiest renderer main thread = the page's.
	const byThread = new Map();
	for (const e of main) byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + (e.name === 'RunTask' ? e.dur : 0));
	const tid = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
	const events = main.filter((e) => `${e.pid}:${e.tid}` === tid);
	const totals = {};
	for (const [g, names] of Object.entries(GROUPS)) {
		// Count only outermost events of the group so nested FunctionCalls are not counted twice.
		const list = events.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
		let end = -1;
		let sum = 0;
		for (const e of list) {
			if (e.ts >= end) {
				sum += e.dur;
				end = e.ts + e.dur;
			} else if (e.ts + e.dur > end) {
				sum += e.ts + e.dur - end;
				end = e.ts + e.dur;
			}
		}
		totals[g] = sum / 1000 / s.length;
	}
	const busy = events.filter((e) => e.name === 'RunTask').reduce((a, e) => a + e.dur, 0) / 1000 / s.length;
	const per = Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v * 10) / 10]));
	console.log(
		`\nTrace: ${s.length} switches; per switch on the main thread (ms, includes the bench's own rAF loop): busy ${busy.toFixed(1)}, ${Object.entries(
			per
		)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`
	);
	const red = s.map((x) => x.redraw).sort((a, b) => a - b);
	console.log(`  redraw during trace: p50 ${Math.round(red[Math.floor(red.length / 2)])} ms, max ${Math.round(red.at(-1))} ms`);
	return { perSwitchMs: per, busyMs: busy, switches: s };
}
