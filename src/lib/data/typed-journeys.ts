/**
 * The fast path for journeys extracts already in canonical form (trimmed codes, ISO dates, whole-number
 * ages: what NDTMS-style exports written by a program, and the generator, look like): DuckDB's typed CSV
 * reader straight into `journeys`, one pass over the file, no all-text staging table and no row-by-row
 * validation query. It refuses (rolls back, returns false) any file the full check would change or report
 * a problem in, and the caller then runs the full check, so what is stored is identical either way
 * (tests/unit/typed-journeys.test.ts compares the two paths).
 */
import type { Db } from './db';
import type { Detected } from './kinds';
import type { Header } from './header';
import { readCsvSql } from './read-csv';
import typedJourneys from './sql/typed-journeys.sql?raw';
import { storeJourneyCube } from './journey-cube';

/** How the typed reader reads each column (VARCHAR for the rest). */
const TYPES: Record<string, string> = {
	age: 'INTEGER',
	referral_date: 'DATE',
	triage_date: 'DATE',
	discharge_date: 'DATE',
	rehab_start_date: 'DATE'
};

export interface TypedInput {
	fileId: number;
	name: string;
	/** The file: bytes (copied before DuckDB takes them) or a Blob DuckDB reads itself. */
	data: Uint8Array | Blob;
	header: Header;
	detected: Detected;
	embedded: boolean;
}

/** Loads the file in one transaction and returns true, or stores nothing and returns false. */
export async function loadTypedJourneys(db: Db, input: TypedInput): Promise<boolean> {
	const { fileId, header, detected } = input;
	const internal = `typed_${fileId}.csv`;
	const idAt = new Map([...detected.index].map(([id, i]) => [i, id]));
	const types = header.names.map((_, i) => TYPES[idAt.get(i) ?? '']);
	const select = detected.spec.columns
		.map((c) => (detected.index.has(c.id) ? `c${detected.index.get(c.id)} AS ${c.id}` : `NULL::${TYPES[c.id] ?? 'VARCHAR'} AS ${c.id}`))
		.join(', ');
	if (input.data instanceof Uint8Array) await db.registerFile(internal, input.data.slice());
	else await db.registerBlob(internal, input.data);
	let began = false;
	try {
		await db.exec(`CREATE OR REPLACE TEMP VIEW typed_src AS SELECT ${select} FROM ${readCsvSql(internal, header, header.newline, { types })}`);
		await db.exec('BEGIN TRANSACTION');
		began = true;
		await db.query(typedJourneys, [fileId]);
		const stored = await storeJourneyCube(db, { fileId, name: input.name, rejected: 0, embedded: input.embedded });
		if (!stored) throw new Error('an area code is not an ONS code');
		await db.exec('COMMIT');
		return true;
	} catch {
		// Anything unexpected (a value that is not an ISO date, a blank id, a code not in the lists, mixed line
		// endings, text that is not UTF-8): the full check reads the file again and says what and where.
		if (began) await db.exec('ROLLBACK').catch(() => {});
		return false;
	} finally {
		await db.exec('DROP VIEW IF EXISTS typed_src').catch(() => {});
		await db.dropFile(internal).catch(() => {});
	}
}
