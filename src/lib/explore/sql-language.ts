/**
 * SQL for the explorer's editor (CodeMirror's @codemirror/lang-sql): a DuckDB flavour of the PostgreSQL
 * dialect, and completion of the loaded tables' and views' names and their columns, from the schema the
 * schema panel lists. Loaded by /explore only.
 */
import { sql, PostgreSQL, SQLDialect, type SQLNamespace } from '@codemirror/lang-sql';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import type { Extension } from '@codemirror/state';
import type { SchemaObject } from './types';

/** PostgreSQL's dialect plus DuckDB's own words, so they are coloured and completed as keywords and types. */
export const DuckDB = SQLDialect.define({
	...PostgreSQL.spec,
	keywords: `${PostgreSQL.spec.keywords} anti asof attach columns describe detach exclude glob ilike install load macro pivot pivot_longer
		pivot_wider positional pragma qualify replace sample semi summarize unpivot`.replace(/\s+/g, ' '),
	types: `${PostgreSQL.spec.types} blob hugeint list map struct tinyint ubigint uhugeint uinteger union usmallint utinyint uuid`,
	// Common functions, coloured as functions rather than keywords (words that are also clauses, such as
	// left, replace or range, stay keywords).
	builtin: `abs any_value approx_count_distinct arg_max arg_min avg bool_and bool_or ceil coalesce concat concat_ws count
		count_if date_diff date_part date_trunc datediff day dayname epoch floor greatest hash ifnull isodow isoyear last_day least
		length lower lpad ltrim make_date max median min mode month monthname nullif quantile quantile_cont quarter
		regexp_extract regexp_matches regexp_replace round rpad rtrim split_part sqrt starts_with stddev strftime string_agg
		strptime substr substring sum to_json today trim trunc try_cast upper week year yearweek`.replace(/\s+/g, ' ')
});

/** A name as it must be typed: plain lower-case names as they are, anything else in double quotes. */
export function quoteName(name: string): string {
	return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

const rowsText = (o: SchemaObject) => (o.rows == null ? '' : ` · ${o.rows.toLocaleString('en-GB')} ${o.rows === 1 ? 'row' : 'rows'}`);

function nameCompletion(name: string, type: string, detail: string): Completion {
	const typed = quoteName(name);
	return typed === name ? { label: name, type, detail } : { label: name, type, detail, apply: typed };
}

/**
 * The schema as lang-sql's completion namespace: each table or view (with its kind and row count as
 * detail) holding its columns (with their types). `journeys.` then offers journeys' columns, as does an
 * alias (`FROM journeys j` … `j.`).
 */
export function schemaNamespace(objects: readonly SchemaObject[]): SQLNamespace {
	const ns: { [name: string]: SQLNamespace } = {};
	for (const o of objects) {
		// lang-sql reads dots in a key as schema.table: escape them.
		ns[o.name.replace(/\./g, '\\.')] = {
			self: nameCompletion(o.name, 'type', `${o.temporary ? 'temporary ' : ''}${o.kind}${rowsText(o)}`),
			children: o.columns.map((c) => nameCompletion(c.name, 'property', c.type))
		};
	}
	return ns;
}

/**
 * Columns without a table prefix (`SELECT area_|`): the columns of every table or view the editor's text
 * names, which lang-sql alone completes only after `table.`.
 */
export function columnCompletionSource(objects: readonly SchemaObject[]) {
	return (context: CompletionContext): CompletionResult | null => {
		const word = context.matchBefore(/[\w$]+/);
		if (!word && !context.explicit) return null;
		// After a dot, lang-sql completes the columns of that table or alias.
		const before = context.state.sliceDoc(Math.max(0, (word?.from ?? context.pos) - 1), word?.from ?? context.pos);
		if (before === '.' || before === '"') return null;
		const text = context.state.doc.toString().toLowerCase();
		const named = objects.filter((o) => new RegExp(`(^|[^\\w$])"?${escapeRegExp(o.name.toLowerCase())}"?($|[^\\w$])`).test(text));
		const seen = new Map<string, Completion>();
		for (const o of named)
			for (const c of o.columns) {
				const prev = seen.get(c.name);
				if (prev) prev.detail = `${prev.detail}, ${o.name}`;
				else seen.set(c.name, { ...nameCompletion(c.name, 'property', `${c.type} · ${o.name}`), boost: 1 });
			}
		if (!seen.size) return null;
		return { from: word?.from ?? context.pos, options: [...seen.values()], validFor: /^[\w$]*$/ };
	};
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The editor's SQL support: highlighting, keyword completion, and the schema's names when it is known. */
export function sqlSupport(objects: readonly SchemaObject[] | null): Extension {
	if (!objects?.length) return sql({ dialect: DuckDB, upperCaseKeywords: true });
	return [
		sql({ dialect: DuckDB, upperCaseKeywords: true, schema: schemaNamespace(objects) }),
		DuckDB.language.data.of({ autocomplete: columnCompletionSource(objects) })
	];
}
