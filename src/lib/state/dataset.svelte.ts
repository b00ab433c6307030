/**
 * What the pages draw: the model computed at build time from the embedded data, replaced by one computed
 * in the browser's DuckDB once the user's files are loaded (or restored from browser storage).
 */
import type { Model } from '$lib/metrics/model';
import type { ValidationReport } from '$lib/data/ingest';
import type { LoadOutcome, LoadProgress } from '$lib/data/browser-session';

type Engine = 'idle' | 'starting' | 'ready' | 'error';

class Dataset {
	model = $state<Model | null>(null);
	origin = $state<'prerendered' | 'browser'>('prerendered');
	engine = $state<Engine>('idle');
	engineError = $state<string | null>(null);
	reports = $state<ValidationReport[]>([]);
	outcomes = $state<LoadOutcome[]>([]);
	progress = $state<LoadProgress | null>(null);
	busy = $state(false);

	/** Called once from the root layout with the prerendered model. */
	seed(model: Model) {
		if (!this.model) this.model = model;
	}

	get userFiles(): ValidationReport[] {
		return this.reports.filter((r) => !r.embedded);
	}

	private async refresh(): Promise<void> {
		const [{ session }, { computeModel }] = await Promise.all([import('$lib/data/browser-session'), import('$lib/metrics/model')]);
		const s = await session();
		this.reports = [...s.reports];
		const t0 = performance.now();
		this.model = await computeModel(s.db.query);
		performance.measure('model', { start: t0 });
		this.origin = 'browser';
	}

	/** Starts DuckDB in the background; restores stored files if there are any. */
	async start(): Promise<void> {
		if (this.engine !== 'idle') return;
		this.engine = 'starting';
		try {
			const { session } = await import('$lib/data/browser-session');
			const s = await session();
			this.reports = [...s.reports];
			if (s.restored.length) {
				this.outcomes = s.restored;
				await this.refresh();
			}
			this.engine = 'ready';
			performance.mark('engine-ready');
		} catch (e) {
			this.engine = 'error';
			this.engineError = (e as Error).message;
		}
	}

	async load(files: File[]): Promise<LoadOutcome[]> {
		this.busy = true;
		try {
			if (this.engine === 'idle') void this.start();
			const { loadFiles } = await import('$lib/data/browser-session');
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
			else this.reports = [...(await (await import('$lib/data/browser-session')).session()).reports];
			this.engine = 'ready';
			performance.mark('load-redrawn');
			return outcomes;
		} finally {
			this.busy = false;
			this.progress = null;
		}
	}

	async forget(fileId: number): Promise<void> {
		const { forgetOne } = await import('$lib/data/browser-session');
		await forgetOne(fileId);
		this.outcomes = [];
		await this.refresh();
	}

	/**
	 * Restarts DuckDB (the defaults and the stored files are loaded again) and recomputes the model: puts
	 * the canonical tables back after an explorer query changed or dropped them.
	 */
	async restart(): Promise<void> {
		this.busy = true;
		this.engine = 'starting';
		this.engineError = null;
		try {
			const { restart } = await import('$lib/data/browser-session');
			const s = await restart();
			this.outcomes = s.restored.filter((o) => o.error);
			await this.refresh();
			this.engine = 'ready';
		} catch (e) {
			this.engine = 'error';
			this.engineError = (e as Error).message;
			throw e;
		} finally {
			this.busy = false;
		}
	}

	async forgetAll(): Promise<void> {
		this.busy = true;
		try {
			const { forgetAll } = await import('$lib/data/browser-session');
			await forgetAll();
			this.outcomes = [];
			await this.refresh();
		} finally {
			this.busy = false;
		}
	}
}

export const dataset = new Dataset();
