import type { Db } from './db';
import schemaSql from './schema.sql?raw';
import { areaRows } from './areas';
import { LOOKUPS } from './lookups';

const FINGERTIPS: [string, string, string][] = [
	['92432', 'drug_misuse_deaths_rate', 'rate_per_100k'],
	['91380', 'alcohol_specific_mortality_rate', 'rate_per_100k'],
	['91181', 'numbers_in_treatment', 'count']
];

/** Creates the canonical tables, views and lookups. Idempotent. */
export async function initSchema(db: Db): Promise<void> {
	// Views refer to tables defined above them, so statements run in file order.
	await db.exec(schemaSql);
	for (const row of areaRows()) await db.query('INSERT OR IGNORE INTO areas VALUES (?, ?, ?, ?, ?, ?)', row);
	for (const [table, rows] of Object.entries(LOOKUPS)) {
		for (const [label, code] of rows) await db.query(`INSERT OR IGNORE INTO ${table} VALUES (?, ?)`, [label, code]);
	}
	for (const row of FINGERTIPS) await db.query('INSERT OR IGNORE INTO fingertips_indicators VALUES (?, ?, ?)', row);
}
