/** Workforce, investment, grant allocations and contracts, as the seed documents (or the user's files) give them. */
import type { FigureRow, Model } from './model';
import { figures, membersOf, sourcesOf } from './figures';

function forArea(model: Model, area: string, metric: string): FigureRow[] {
	// A CDP's own figures, plus its members' (e.g. North Northamptonshire's share of the grant).
	const codes = [area, ...membersOf(area)];
	return codes.flatMap((a) => figures(model, { area: a, metric }));
}

export function workforce(model: Model, area: string) {
	const rows = forArea(model, area, 'workforce_fte');
	const roles = [...new Set(rows.map((r) => r.category ?? 'All roles'))];
	return {
		rows: roles.map((role) => ({
			role,
			baseline: rows.find((r) => (r.category ?? 'All roles') === role && r.kind === 'baseline')?.value ?? null,
			planned: rows.find((r) => (r.category ?? 'All roles') === role && r.kind === 'planned')?.value ?? null,
			note: rows.find((r) => (r.category ?? 'All roles') === role && r.note)?.note ?? null
		})),
		periods: {
			baseline: rows.find((r) => r.kind === 'baseline')?.period ?? null,
			planned: rows.find((r) => r.kind === 'planned')?.period ?? null
		},
		sources: sourcesOf(rows)
	};
}

export function investment(model: Model, area: string) {
	const rows = forArea(model, area, 'investment');
	const periods = [...new Map(rows.map((r) => [r.period, r.start])).entries()].sort((a, b) => a[1].localeCompare(b[1])).map(([p]) => p);
	const lines = [...new Set(rows.map((r) => r.category ?? 'Total'))];
	return {
		periods,
		lines: lines.map((line) => ({
			line,
			values: periods.map((p) => {
				const f = rows.find((r) => (r.category ?? 'Total') === line && r.period === p);
				return { period: p, value: f?.value ?? null, kind: f?.kind ?? null, note: f?.note ?? null };
			})
		})),
		sources: sourcesOf(rows)
	};
}

export function allocations(model: Model, area: string) {
	const rows = forArea(model, area, 'grant_allocation').sort((a, b) => a.start.localeCompare(b.start));
	return { rows, sources: sourcesOf(rows) };
}

export function contracts(model: Model, area: string) {
	const rows = forArea(model, area, 'contract_value');
	const total = forArea(model, area, 'total_spend');
	return { rows, total, sources: sourcesOf([...rows, ...total]) };
}
