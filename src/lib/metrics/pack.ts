/**
 * A compact, columnar form of the model for embedding in prerendered pages: each table becomes column
 * arrays, and repeated strings (areas, sources, periods) are stored once. Unpacking restores the rows.
 */
import type { Model } from './model';

type Cell = string | number | boolean | null | string[];

export interface PackedTable {
	columns: string[];
	/** Per column: the distinct strings, when the column is dictionary-encoded. */
	dictionaries: (string[] | null)[];
	values: Cell[][];
}

function packTable<T extends object>(rows: T[]): PackedTable {
	const columns = rows.length ? Object.keys(rows[0]) : [];
	const dictionaries: (string[] | null)[] = [];
	const values: Cell[][] = [];
	for (const col of columns) {
		const raw = rows.map((r) => (r as Record<string, Cell>)[col] ?? null);
		if (raw.every((v) => v == null || typeof v === 'string')) {
			const dict: string[] = [];
			const index = new Map<string, number>();
			values.push(
				raw.map((v) => {
					if (v == null) return null;
					let i = index.get(v as string);
					if (i === undefined) {
						i = dict.push(v as string) - 1;
						index.set(v as string, i);
					}
					return i;
				})
			);
			dictionaries.push(dict);
		} else {
			values.push(raw);
			dictionaries.push(null);
		}
	}
	return { columns, dictionaries, values };
}

function unpackTable<T>(t: PackedTable): T[] {
	const n = t.values[0]?.length ?? 0;
	const rows: Record<string, Cell>[] = Array.from({ length: n }, () => ({}));
	t.columns.forEach((col, c) => {
		const dict = t.dictionaries[c];
		const vals = t.values[c];
		for (let i = 0; i < n; i++) rows[i][col] = dict && vals[i] != null ? dict[vals[i] as number] : vals[i];
	});
	return rows as T[];
}

export interface PackedModel {
	dataDate: string | null;
	areas: PackedTable;
	files: Model['files'];
	figures: PackedTable;
	yearly: PackedTable;
	monthly: PackedTable;
	continuity: PackedTable;
	outcomes: PackedTable;
}

export function packModel(m: Model): PackedModel {
	return {
		dataDate: m.dataDate,
		areas: packTable(m.areas),
		files: m.files,
		figures: packTable(m.figures),
		yearly: packTable(m.yearly),
		monthly: packTable(m.monthly),
		continuity: packTable(m.continuity),
		outcomes: packTable(m.outcomes)
	};
}

export function unpackModel(p: PackedModel): Model {
	return {
		dataDate: p.dataDate,
		areas: unpackTable(p.areas),
		files: p.files,
		figures: unpackTable(p.figures),
		yearly: unpackTable(p.yearly),
		monthly: unpackTable(p.monthly),
		continuity: unpackTable(p.continuity),
		outcomes: unpackTable(p.outcomes)
	};
}
