/**
 * A journeys file's cube (its journeys counted per area, cohort and month: `journey_cubes`, with its recovery
 * outcomes) and its `files` row, all derived from the rows just inserted into `journeys`, inside the caller's transaction.
 */
import type { Db } from './db';
import cubeJourneys from './sql/cube-journeys.sql?raw';
import journeyOutcomes from './sql/cube-outcomes.sql?raw';
import fileJourneys from './sql/file-journeys.sql?raw';

export interface StoredFileInfo {
	fileId: number;
	name: string;
	rejected: number;
	embedded: boolean;
}

/**
 * Stores the cube and the `files` row. Returns false, storing no `files` row, when there are no journeys or
 * an area code is not an ONS code in capitals (checked here once per code, not once per row).
 */
export async function storeJourneyCube(db: Db, file: StoredFileInfo): Promise<boolean> {
	// Both cubes in one statement: the person keys and the split by number of journeys are worked out once.
	await db.exec(journeyOutcomes);
	await db.query(cubeJourneys, [file.fileId]);
	const [{ ok }] = await db.query<{ ok: boolean | null }>(
		`SELECT bool_and(is_area_code(area_code)) AS ok FROM (SELECT DISTINCT area_code FROM journey_cubes WHERE file_id = ?)`,
		[file.fileId]
	);
	if (!ok) return false;
	await db.query(fileJourneys, [file.fileId, file.name, file.rejected, file.embedded]);
	return true;
}
