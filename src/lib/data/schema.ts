import type { Db } from './db';
import schemaSql from './schema.sql?raw';
import { areaRows } from './areas';
import { LOOKUPS } from './lookups';

const FINGERTIPS: [string, string, string][] = [
	['92432', 'drug_misuse_deaths_rate', 'rate_per_100k'],
	['91380', 'alcohol_specific_mortality_rate', 'rate_per_100k'],
	['91181', 'numbers_in_treatment', 'count'],
	// Estimated opiate and/or crack cocaine users: Value is a rate per 1,000, Count the number of users.
	['93517', 'ocu_prevalence', 'rate_per_1000']
];

/** One parameterised multi-row INSERT per table: each statement is a round trip to the DuckDB worker. */
async function insertRows(db: Db, table: string, rows: unknown[][]): Promise<void> {
	if (!rows.length) return;
	const tuple = `(${rows[0].map(() => '?').join(', ')})`;
	await db.query(`INSERT OR IGNORE INTO ${table} VALUES ${rows.map(() => tuple).join(', ')}`, rows.flat());
}

/** Creates the canonical tables, views and lookups. Idempotent. */
export async function initSchema(db: Db): Promise<void> {
	// Views refer to tables defined above them, so statements run in file order.
	await db.exec(schemaSql);
	await insertRows(db, 'areas', areaRows());
	for (const [table, rows] of Object.entries(LOOKUPS)) await insertRows(db, table, rows);
	await insertRows(db, 'fingertips_indicators', FINGERTIPS);
}
