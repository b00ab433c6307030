/**
 * A Node DuckDB with the embedded default data loaded: what tests and the build-time prerender use.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createNodeDb } from './duckdb-node';
import { initSchema } from './schema';
import { ingestFile, type ValidationReport } from './ingest';
import { DEFAULT_FILES } from './defaults';
import type { Db } from './db';

const DATA_DIR = path.resolve(process.cwd(), 'data');

export async function openEmptyDb(): Promise<Db> {
	const db = await createNodeDb();
	await initSchema(db);
	return db;
}

export async function openDefaultDb(files: readonly string[] = DEFAULT_FILES): Promise<{ db: Db; reports: ValidationReport[] }> {
	const db = await openEmptyDb();
	return { db, reports: await loadDefaultFiles(db, files) };
}

/** Loads the embedded files (as file ids 1, 2, …) into any Db whose schema is made: this engine, or another. */
export async function loadDefaultFiles(db: Db, files: readonly string[] = DEFAULT_FILES): Promise<ValidationReport[]> {
	const reports: ValidationReport[] = [];
	let fileId = 1;
	for (const name of files) {
		const bytes = new Uint8Array(await readFile(path.join(DATA_DIR, name)));
		reports.push(await ingestFile(db, { fileId: fileId++, name, data: bytes, embedded: true }));
	}
	return reports;
}
