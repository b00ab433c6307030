/**
 * What the pages draw: the model computed at build time from the embedded data; after a reload, the model last
 * computed from the user's files, read back from browser storage before DuckDB starts; once the engine has the
 * user's files, the model it computes.
 */
import { version } from '$app/environment';
import type { Model } from '$lib/metrics/model';
import { packModel, unpackModel, type PackedModel } from '$lib/metrics/pack';
import type { ValidationReport } from '$lib/data/ingest';
import type { LoadOutcome, LoadProgress } from '$lib/data/browser-session';
import { modelKey, storedFiles, storedModel, type StoredModel } from '$lib/data/persist';
import { startWorkerEarly } from '$lib/data/duckdb-worker';

type Engine = 'idle' | 'starting' | 'ready' | 'error';
/** Where the figures on screen come from. */
type Origin = 'prerendered' | 'stored' | 'browser';

interface Restored {
	/** A stored model that matches the stored files and this build. */
	model: StoredModel<PackedModel, ValidationReport> | null;
	/** Stored files exist but no model matches them: DuckDB must read them again. */
	stale: boolean;
	/** Storage did not answer in time: DuckDB reads whatever files are stored and recomputes. */
	late?: boolean;
}

const BOOT_WAIT_MS = 400;

async function readStored(): Promise<Restored> {
	try {
		const [files, model] = await Promise.all([storedFiles.list(), storedModel.get<PackedModel, ValidationReport>()]);
		if (!files.length) return { model: null, stale: false };
		const key = modelKey(version, files);
		return key && model?.key === key ? { model, stale: false } : { model: null, stale: true };
	} catch {
		return { model: null, stale: false };
	}
}

/** Runs `task` when the main thread is idle (after hydration and first paint), or after `timeout` ms at the latest. */
function idle(task: () => void, timeout = 1000): void {
	if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
	else setTimeout(task, 50);
}

const browserSession = () => import('$lib/data/browser-session');

class Dataset {
	/**
	 * The model computed in the browser or read back from storage; until then, the page's prerendered one. Raw
	 * state: the model is replaced whole, never changed in place, and a deep proxy would put a trap on every read of
	 * its thousands of figures (an area switch at 1M rows spent more time in proxy reads than in the measures).
	 */
	private computed = $state.raw<Model | null>(null);
	private prerendered: (() => Model | null) | null = null;
	origin = $state<Origin>('prerendered');
	engine = $state<Engine>('idle');
	engineError = $state<string | null>(null);
	reports = $state<ValidationReport[]>([]);
	outcomes = $state<LoadOutcome[]>([]);
	progress = $state<LoadProgress | null>(null);
	busy = $state(false);
	/** When the model on screen was computed, if it was read back from browser storage. */
	savedAt = $state<string | null>(null);
	private restored: Restored | null = null;
	/** The model being written to storage, which "forget all" must wait for so nothing is written after it. */
	private saving: Promise<void> = Promise.resolve();
	/**
	 * Loads, forgets, restarts, the recomputations after them and the warm-up take turns: they share the engine's
	 * connection, its transactions and the model's temporary tables.
	 */
	private turn: Promise<unknown> = Promise.resolve();
	/** The Data page asked for the warm-up; the engine has the embedded files: the warm-up runs once both hold. */
	private warmWanted = false;
	private defaultsIn = false;

	private inTurn<T>(work: () => Promise<T>): Promise<T> {
		const run = this.turn.then(work, work);
		this.turn = run.catch(() => {});
		return run;
	}

	get model(): Model | null {
		return this.computed ?? this.prerendered?.() ?? null;
	}

	/** From the root layout: the prerendered page's own model (each page carries only the data it draws). */
	usePrerendered(model: () => Model | null): void {
		this.prerendered = model;
	}

	get userFiles(): ValidationReport[] {
		return this.reports.filter((r) => !r.embedded);
	}

	/**
	 * From the client's `init` hook, before hydration: starts DuckDB's worker script compiling on another thread, and
	 * reads the user's stored model, if any, so that the page hydrates straight into the user's figures (one render,
	 * not the embedded figures and then the user's).
	 */
	async boot(): Promise<void> {
		startWorkerEarly();
		// Storage that does not answer quickly (an upgrade blocked by another tab) must not hold the page back.
		const late = new Promise<Restored>((resolve) => setTimeout(() => resolve({ model: null, stale: false, late: true }), BOOT_WAIT_MS));
		this.restored = await Promise.race([readStored(), late]);
		const stored = this.restored.model;
		if (!stored) return;
		this.computed = unpackModel(stored.model);
		this.reports = stored.reports;
		this.origin = 'stored';
		this.savedAt = stored.savedAt;
	}

	/**
	 * From the root layout once hydrated: marks the frame that shows the stored figures, then starts DuckDB at idle.
	 * The engine loads the embedded files at idle too (which warms its CSV reader), and reads the user's files again
	 * only if no stored model matches them.
	 */
	hydrated(): void {
		if (this.origin === 'stored') requestAnimationFrame(() => performance.mark('stored-model-shown'));
		const restored = this.restored;
		idle(() => void this.start(restored?.stale || restored?.late));
	}

	/** Starts DuckDB; with `recompute`, reads the stored files again and recomputes the model from them. */
	async start(recompute = false): Promise<void> {
		if (this.engine !== 'idle') return;
		this.engine = 'starting';
		try {
			const { engine, withDefaults, session } = await browserSession();
			await engine();
			this.engine = 'ready';
			performance.mark('engine-ready');
			if (recompute)
				await this.inTurn(async () => {
					const s = await session();
					this.outcomes = s.restored;
					await this.refresh();
				});
			else {
				idle(async () => {
					const defaults = await withDefaults().catch(() => null);
					if (!defaults) return;
					if (this.origin === 'prerendered') this.reports = [...defaults];
					this.defaultsIn = true;
					if (this.warmWanted) this.warm();
				});
			}
		} catch (e) {
			this.engine = 'error';
			this.engineError = (e as Error).message;
		}
	}

	/** Recomputes the model from everything loaded, and keeps it in browser storage if the user has files. */
	private async refresh(): Promise<void> {
		const [{ session }, { computeModel }] = await Promise.all([browserSession(), import('$lib/metrics/model')]);
		const s = await session();
		this.reports = [...s.reports];
		const t0 = performance.now();
		const model = await computeModel(s.db.query);
		performance.measure('model', { start: t0 });
		this.computed = model;
		this.origin = 'browser';
		this.savedAt = null;
		// Kept for the next reload off the redraw's path: a failure only means the next reload recomputes.
		this.saving = this.save(model, s.reports).then(
			() => void performance.mark('model-saved'),
			() => {}
		);
	}

	private async save(model: Model, reports: ValidationReport[]): Promise<void> {
		const files = await storedFiles.list();
		const key = modelKey(version, files);
		if (!files.length || !key) return storedModel.clear();
		// Reports are plain data; $state proxies cannot be cloned into IndexedDB.
		await storedModel.put({
			key,
			model: packModel(model),
			reports: $state.snapshot(reports) as ValidationReport[],
			savedAt: new Date().toISOString()
		});
	}

	/**
	 * From the Data page, where the user's files come in: once the engine has the embedded files, computes the model on
	 * them once, at idle, and drops it (the prerendered model is the same). The user's first file then finds the model's
	 * queries already run by DuckDB (a first run is slower) and the parts it cannot change computed (metrics/model.ts):
	 * a 20,000-row file redrawn in 556 ms instead of 921 ms. Not on other pages, which need not fetch the model's code.
	 */
	warmUp(): void {
		if (this.warmWanted) return;
		this.warmWanted = true;
		if (this.defaultsIn) this.warm();
	}

	private warm(): void {
		idle(
			() =>
				void this.inTurn(async () => {
					// A model computed in this engine since (a file loaded or forgotten) has warmed it already.
					if (this.origin === 'browser') return;
					const [{ engine }, { computeModel }] = await Promise.all([browserSession(), import('$lib/metrics/model')]);
					await computeModel((await engine()).query);
					performance.mark('defaults-warm');
				}).catch(() => {})
		);
	}

	/** Work the user started and waits on: the page shows it busy from the click until it is done, its turn included. */
	private busyTurn<T>(work: () => Promise<T>): Promise<T> {
		this.busy = true;
		return this.inTurn(work).finally(() => (this.busy = false));
	}

	load(files: File[]): Promise<LoadOutcome[]> {
		if (this.engine === 'idle') void this.start();
		return this.busyTurn(async () => {
			try {
				const { loadFiles, session } = await browserSession();
				const outcomes = await loadFiles(files, (p) => (this.progress = p));
				this.outcomes = outcomes;
				// While every page is recomputed, say so of the last file loaded, not of a later one that failed.
				const last = outcomes.findLast((o) => o.report);
				if (last?.report)
					this.progress = {
						name: last.name,
						phase: 'done',
						bytes: last.report.bytes,
						total: last.report.bytes,
						rows: last.report.rowsLoaded
					};
				if (outcomes.some((o) => o.report)) await this.refresh();
				else this.reports = [...(await session()).reports];
				this.engine = 'ready';
				performance.mark('load-redrawn');
				return outcomes;
			} finally {
				this.progress = null;
			}
		});
	}

	forget(fileId: number): Promise<void> {
		return this.inTurn(async () => {
			const { forgetOne } = await browserSession();
			await forgetOne(fileId);
			this.outcomes = [];
			await this.refresh();
		});
	}

	/**
	 * Restarts DuckDB (the defaults and the stored files are loaded again) and recomputes the model: puts
	 * the canonical tables back after an explorer query changed or dropped them.
	 */
	restart(): Promise<void> {
		return this.busyTurn(async () => {
			this.engine = 'starting';
			this.engineError = null;
			try {
				const { restart } = await browserSession();
				const s = await restart();
				this.outcomes = s.restored.filter((o) => o.error);
				await this.refresh();
				this.engine = 'ready';
			} catch (e) {
				this.engine = 'error';
				this.engineError = (e as Error).message;
				throw e;
			}
		});
	}

	forgetAll(): Promise<void> {
		return this.busyTurn(async () => {
			const { forgetAll } = await browserSession();
			await this.saving;
			await forgetAll();
			this.outcomes = [];
			await this.refresh();
		});
	}
}

export const dataset = new Dataset();
