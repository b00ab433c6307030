/**
 * The dashboard model: everything the pages draw, computed from the canonical tables by SQL. The same
 * function runs at build time in Node (prerendered pages) and in the browser after the user loads data.
 * It is small (aggregates only), so switching area or cohort never goes back to DuckDB.
 */
import type { QueryRunner } from '$lib/data/db';
import journeyCubeSql from './sql/journey-cube.sql?raw';
import recordAreasSql from './sql/record-areas.sql?raw';
import yearlySql from './sql/treatment-yearly.sql?raw';
import monthlySql from './sql/treatment-monthly.sql?raw';
import continuitySql from './sql/continuity.sql?raw';
import figuresSql from './sql/figures.sql?raw';
import dataDateSql from './sql/data-date.sql?raw';
import areasSql from './sql/areas.sql?raw';
import outcomesSql from './sql/outcomes.sql?raw';
import modelInputsSql from './sql/model-inputs.sql?raw';

export interface AreaInfo {
	code: string;
	name: string;
	type: string;
	order: number;
	region: string | null;
	has_records: boolean;
}

export interface FigureRow {
	area: string;
	area_name: string | null;
	metric: string;
	indicator_name: string | null;
	cohort: string | null;
	category: string | null;
	sex: string | null;
	age: string | null;
	period: string;
	start: string;
	end: string;
	period_kind: string;
	kind: string;
	value: number | null;
	numerator: number | null;
	denominator: number | null;
	lower_ci: number | null;
	upper_ci: number | null;
	unit: string | null;
	note: string | null;
	source: string | null;
	compared_to_england: string | null;
	synthetic: boolean;
	file: string;
	/** Fingertips: the Area Type(s) the file gives the row ('; '-separated), and its Parent Code. */
	area_type: string | null;
	parent_code: string | null;
}

export interface YearlyRow {
	area: string;
	group: string;
	fy: number;
	in_treatment: number;
	new_presentations: number;
	deaths_in_treatment: number;
	rehab_starts: number;
	synthetic: boolean;
}

export interface MonthlyRow {
	area: string;
	group: string;
	month: string;
	in_treatment: number;
}

export interface ContinuityRow {
	area: string;
	fy: number;
	quarter: number | null;
	denominator: number;
	numerator: number;
	/** Releases whose 21-day window had not closed by the data date: in neither count. */
	pending: number;
	synthetic: boolean;
}

/** Recovery outcomes of adults for the 12 months to a quarter's end, counted as people (sql/outcomes.sql). */
export interface OutcomeRow {
	area: string;
	group: string;
	/** The quarter's last month, YYYY-MM: the window is the 12 months to its end. */
	month: string;
	/** Left treatment successfully, and of them did not re-present within 6 months. */
	completed: number;
	sustained: number;
	/** Started a journey, and of them left it unplanned within 12 weeks. */
	starts: number;
	early_exits: number;
	/** Started a journey with a referral date recorded, and of them waited over 3 weeks. */
	waits_known: number;
	waits_over: number;
	synthetic: boolean;
}

export interface FileInfo {
	file_id: number;
	file_name: string;
	kind: string;
	rows_loaded: number;
	rows_rejected: number;
	synthetic: boolean;
	embedded: boolean;
	period_start: string | null;
	period_end: string | null;
	area_codes: string[];
	source: string | null;
}

export interface Model {
	/** "As at" date of the record-level data (ISO), or null when none is loaded. */
	dataDate: string | null;
	areas: AreaInfo[];
	files: FileInfo[];
	figures: FigureRow[];
	yearly: YearlyRow[];
	monthly: MonthlyRow[];
	continuity: ContinuityRow[];
	outcomes: OutcomeRow[];
}

interface Part {
	/** What it was computed from (sql/model-inputs.sql, and the data date where it reads it). */
	from: string;
	rows: unknown[];
}

/**
 * The parts of the last model computed with each query runner (one database), with what each was computed from:
 * loading a figures file leaves the treatment counts and outcomes as they were, and a journeys file the figures,
 * so those are not read again (the same rows: nothing changes a model once computed).
 */
const kept = new WeakMap<QueryRunner, { db: string; parts: Map<string, Part> }>();

export async function computeModel(query: QueryRunner): Promise<Model> {
	await query(`CREATE TEMP TABLE IF NOT EXISTS model_db AS SELECT uuid()::VARCHAR AS id`);
	const [inputs] = await query<{ db: string; journeys: string; releases: string; figures: string }>(modelInputsSql);
	const last = kept.get(query);
	const lastParts = last?.db === inputs.db ? last.parts : new Map<string, Part>();
	const parts = new Map<string, Part>();
	const part = async <T>(name: string, from: string, compute: () => Promise<T[]>): Promise<T[]> => {
		const prev = lastParts.get(name);
		const rows = prev?.from === from ? (prev.rows as T[]) : await compute();
		parts.set(name, { from, rows });
		return rows;
	};
	// The only scan of the record-level journeys: every treatment query below reads the small cube (a TEMP table,
	// so it is still there when the journeys are as they were).
	await part('journey cube', inputs.journeys, async () => {
		await query(journeyCubeSql);
		await query(recordAreasSql);
		return [];
	});
	const [{ data_date: dataDate }] = await query<{ data_date: string | null }>(dataDateSql);
	const withDate = (from: string) => `${from} / ${dataDate}`;
	const [areas, files, figures, yearly, monthly, continuity, outcomes] = [
		await query<AreaInfo>(areasSql),
		await query<FileInfo>(
			`SELECT file_id, file_name, kind, rows_loaded, rows_rejected, synthetic, embedded,
				strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end, area_codes, source
			FROM files ORDER BY file_id`
		),
		await part('figures', inputs.figures, () => query<FigureRow>(figuresSql)),
		await part('yearly', inputs.journeys, () => query<YearlyRow>(yearlySql)),
		await part('monthly', withDate(inputs.journeys), async () => (dataDate ? query<MonthlyRow>(monthlySql, [dataDate]) : [])),
		await part('continuity', withDate(inputs.releases), () => query<ContinuityRow>(continuitySql, [dataDate])),
		await part('outcomes', withDate(inputs.journeys), async () => (dataDate ? query<OutcomeRow>(outcomesSql, [dataDate]) : []))
	];
	kept.set(query, { db: inputs.db, parts });
	return {
		dataDate,
		areas,
		files: files.map((f) => ({ ...f, area_codes: [...(f.area_codes ?? [])] })),
		figures,
		yearly,
		monthly,
		continuity,
		outcomes
	};
}
