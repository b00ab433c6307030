/**
 * The browser's data session: starts DuckDB-WASM (in a worker), loads the embedded defaults and the
 * user's stored files, ingests new files, forgets them. Browser only; imported dynamically.
 */
import { createBrowserDb, type BrowserDb } from './duckdb-browser';
import { initSchema } from './schema';
import { ingestFile, checkSize, forgetFile, IngestError, type ValidationReport } from './ingest';
import { contentHash, storedFiles, storedModel } from './persist';
import { DEFAULT_FILES, FIRST_USER_FILE_ID } from './defaults';
import seedFigures from '../../../data/seed-figures.csv?url';
import onsDeaths from '../../../data/ons-drug-deaths-2021.csv?url';
import referenceFigures from '../../../data/reference-figures.csv?url';
import syntheticJourneys from '../../../data/synthetic-journeys.csv?url';
import syntheticReleases from '../../../data/synthetic-prison-releases.csv?url';

const DEFAULT_URLS: Record<(typeof DEFAULT_FILES)[number], string> = {
	'seed-figures.csv': seedFigures,
	'ons-drug-deaths-2021.csv': onsDeaths,
	'reference-figures.csv': referenceFigures,
	'synthetic-journeys.csv': syntheticJourneys,
	'synthetic-prison-releases.csv': syntheticReleases
};

export interface LoadProgress {
	name: string;
	phase: 'reading' | 'parsing' | 'done';
	bytes: number;
	total: number;
	/** Reading: data lines read so far; parsing: data lines in the file; done: rows loaded. */
	rows?: number;
}

export interface LoadOutcome {
	name: string;
	report?: ValidationReport;
	error?: string;
}

export interface Session {
	db: BrowserDb;
	reports: ValidationReport[];
	restored: LoadOutcome[];
}

// Three stages, each started only when something needs it: the engine (worker, wasm, schema); the embedded files
// in it (fetched only now, and the first CSV parse, which warms the reader for the user's files); the user's stored
// files read again (only for the explorer, a new file, or when no stored model matches them).
let engineStarted: Promise<BrowserDb> | null = null;
let defaultsLoaded: Promise<ValidationReport[]> | null = null;
let full: Promise<Session> | null = null;

/** DuckDB running, with the schema made and nothing loaded. */
export function engine(): Promise<BrowserDb> {
	engineStarted ??= (async () => {
		performance.mark('duckdb-start');
		const db = await createBrowserDb();
		await initSchema(db);
		performance.mark('duckdb-ready');
		return db;
	})();
	return engineStarted;
}

/** The engine with the embedded files loaded: what the app does at idle, before the user's first file. */
export function withDefaults(): Promise<ValidationReport[]> {
	defaultsLoaded ??= engine().then(async (db) => {
		const files = await Promise.all(DEFAULT_FILES.map(async (name) => [name, new Uint8Array(await (await fetch(DEFAULT_URLS[name])).arrayBuffer())] as const));
		const reports: ValidationReport[] = [];
		let id = 1;
		for (const [name, bytes] of files) reports.push(await ingestFile(db, { fileId: id++, name, data: bytes, embedded: true }));
		performance.mark('defaults-loaded');
		return reports;
	});
	return defaultsLoaded;
}

/** Everything loaded: the embedded files and the user's stored files. */
export function session(): Promise<Session> {
	full ??= withDefaults().then(async (defaults) => {
		const db = await engine();
		const reports = [...defaults];
		const restored: LoadOutcome[] = [];
		for (const f of await storedFiles.list().catch(() => [])) {
			try {
				reports.push(await ingestFile(db, { fileId: f.fileId, name: f.name, data: f.data }));
				restored.push({ name: f.name, report: reports[reports.length - 1] });
			} catch (e) {
				restored.push({ name: f.name, error: (e as Error).message });
			}
		}
		performance.mark('session-ready');
		return { db, reports, restored };
	});
	return full;
}

export function started(): boolean {
	return engineStarted != null;
}

/** Milliseconds between progress reports while reading (each one re-renders the progress bar). */
const PROGRESS_EVERY_MS = 80;

/**
 * Streams a file in the chunks the browser reads it in, counting line breaks (a native `indexOf` per chunk),
 * for the progress bar: it runs in the page while DuckDB reads the same file in its worker, and keeps nothing.
 */
async function countRows(file: File, onProgress: (p: LoadProgress) => void): Promise<number> {
	const total = file.size;
	const reader = file.stream().getReader();
	let offset = 0;
	let breaks = 0;
	let reported = 0;
	let last = 10;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		offset += value.length;
		last = value[value.length - 1] ?? last;
		for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) breaks++;
		const now = performance.now();
		if (now - reported >= PROGRESS_EVERY_MS || offset === total) {
			reported = now;
			onProgress({ name: file.name, phase: 'reading', bytes: offset, total, rows: Math.max(0, breaks - 1) });
		}
	}
	// Lines = line breaks, plus a last line without one; minus the header.
	return Math.max(0, breaks + (offset > 0 && last !== 10 ? 1 : 0) - 1);
}

/**
 * Loads files one by one; a failure in one leaves the others (and everything loaded before) in place.
 * Successful files are stored in IndexedDB.
 */
export async function loadFiles(files: File[], onProgress: (p: LoadProgress) => void): Promise<LoadOutcome[]> {
	const s = await session();
	const outcomes: LoadOutcome[] = [];
	for (const file of files) {
		try {
			checkSize(file.name, file.size);
			if (s.reports.some((r) => !r.embedded && r.fileName === file.name && r.bytes === file.size))
				throw new IngestError(file.name, 'this file is already loaded. Forget it first to load it again.');
			const fileId = await nextFileId(s.db);
			const t0 = performance.now();
			// DuckDB reads the File itself, in its worker; the page only counts rows for the progress bar, and
			// IndexedDB copies the File off the main thread (after hashing it, for the stored model's key): the three overlap.
			const counted = countRows(file, onProgress).then((rows) => {
				performance.measure('load-count-rows', { start: t0 });
				onProgress({ name: file.name, phase: 'parsing', bytes: file.size, total: file.size, rows });
			});
			const stored = contentHash(file)
				.catch(() => undefined)
				.then((hash) => storedFiles.put({ fileId, name: file.name, data: file, loadedAt: new Date().toISOString(), hash }))
				.then(
				() => true,
				() => false
			);
			let report: ValidationReport;
			try {
				report = await ingestFile(s.db, { fileId, name: file.name, data: file });
				performance.measure('load-ingest', { start: t0 });
			} catch (e) {
				if (await stored) await storedFiles.remove(fileId).catch(() => {});
				throw e;
			} finally {
				await counted.catch(() => {});
			}
			s.reports.push(report);
			if (!(await stored)) report.warnings.unshift({ line: 0, problem: 'could not be kept in browser storage (quota); it will not survive a reload' });
			performance.measure('load-store', { start: t0 });
			onProgress({ name: file.name, phase: 'done', bytes: file.size, total: file.size, rows: report.rowsLoaded });
			outcomes.push({ name: file.name, report });
		} catch (e) {
			outcomes.push({ name: file.name, error: e instanceof IngestError ? e.message : `${file.name}: ${(e as Error).message}` });
		}
	}
	return outcomes;
}

async function nextFileId(db: BrowserDb): Promise<number> {
	const [{ id }] = await db.query<{ id: number }>(`SELECT greatest(coalesce(max(file_id), 0) + 1, ?) AS id FROM files`, [FIRST_USER_FILE_ID]);
	return Number(id);
}

export async function forgetOne(fileId: number): Promise<void> {
	const s = await session();
	await forgetFile(s.db, fileId);
	await storedFiles.remove(fileId);
	s.reports = s.reports.filter((r) => r.fileId !== fileId);
}

/** Forgets every loaded file and its stored model, and restarts DuckDB, since wasm memory is only given back with its worker. */
export async function forgetAll(): Promise<Session> {
	await Promise.all([storedFiles.clear(), storedModel.clear()]);
	await stop();
	return session();
}

/**
 * Throws the running DuckDB away and starts a fresh one, which reloads the embedded defaults and the
 * user's stored files: how the explorer puts the canonical tables back after a query altered them.
 * Unlike `forgetAll`, stored files are kept.
 */
export async function restart(): Promise<Session> {
	await stop();
	return session();
}

async function stop(): Promise<void> {
	const old = engineStarted;
	engineStarted = defaultsLoaded = full = null;
	await (await old?.catch(() => null))?.terminate().catch(() => {});
}
