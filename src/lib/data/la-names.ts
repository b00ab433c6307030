/**
 * The names → codes lookup of English local authorities (data/la-names.csv, built by scripts/build-la-names.js),
 * loaded into the `la_names` table the first time a download that names its areas is read. The CSV is imported
 * on demand, so pages that never read such a file never fetch it.
 */
import type { Db } from './db';
import { splitRecord } from './header';
import laNamesSql from './sql/la-names.sql?raw';

export async function ensureLaNames(db: Db): Promise<void> {
	await db.exec(laNamesSql);
	const [{ n }] = await db.query<{ n: number }>('SELECT count(*) AS n FROM la_names');
	if (Number(n) > 0) return;
	const { default: csv } = await import('../../../data/la-names.csv?raw');
	// code, name, aliases (|-separated), type, valid_from, valid_to: one row per name or other spelling.
	const rows = csv
		.trim()
		.split('\n')
		.slice(1)
		.flatMap((line) => {
			const [code, name, aliases, type, from, to] = splitRecord(line, ',');
			return [name, ...aliases.split('|').filter(Boolean)].map((alias) => [alias, code, name, type, from || null, to || null]);
		});
	await db.query(
		`INSERT INTO la_names SELECT la_name_key(n), n, code, area_name, area_type, valid_from::DATE, valid_to::DATE
		FROM (VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}) v(n, code, area_name, area_type, valid_from, valid_to)`,
		rows.flat()
	);
}
