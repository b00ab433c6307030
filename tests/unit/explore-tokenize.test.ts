import { describe, expect, it } from 'vitest';
import { tokenize, splitStatements } from '../../src/lib/explore/tokenize';
import { EXAMPLES } from '../../src/lib/explore/examples';

const types = (sql: string) =>
	tokenize(sql)
		.filter((t) => t.type !== 'space')
		.map((t) => `${t.type}:${t.text}`);

describe('SQL tokenizer', () => {
	it('is lossless: the tokens join back to the input, whatever it holds', () => {
		const inputs = [
			...EXAMPLES.map((e) => e.sql),
			"SELECT 'it''s', \"odd \"\" name\", E'\\n' -- trailing",
			"select 'unterminated",
			'/* unterminated comment',
			'1.5e10 .5 1_000 1abc x::INTEGER a->b $$dollar$$ ;;',
			'',
			'\r\n\t',
			'SELECT ünïcode, 日本 FROM t'
		];
		for (const sql of inputs)
			expect(
				tokenize(sql)
					.map((t) => t.text)
					.join('')
			).toBe(sql);
	});

	it('recognises keywords, functions, types, strings, numbers, comments and quoted names', () => {
		expect(types(`SELECT count(*) AS n, 'a''b' FROM "my table" -- note\nWHERE x::DATE > 1.5`)).toEqual([
			'keyword:SELECT',
			'function:count',
			'punct:(',
			'operator:*',
			'punct:)',
			'keyword:AS',
			'identifier:n',
			'punct:,',
			"string:'a''b'",
			'keyword:FROM',
			'quoted:"my table"',
			'comment:-- note',
			'keyword:WHERE',
			'identifier:x',
			'operator:::',
			'type:DATE',
			'operator:>',
			'number:1.5'
		]);
	});

	it('treats keywords used as functions, and names after a dot, as what they are', () => {
		expect(types('replace(a, b, c)')[0]).toBe('function:replace');
		expect(types('t.select')).toEqual(['identifier:t', 'punct:.', 'identifier:select']);
		expect(types('x IN (1)')[1]).toBe('keyword:IN');
		expect(types('CAST(x AS INTEGER)')[0]).toBe('keyword:CAST');
	});

	it('keeps a comment marker inside a string as string text', () => {
		expect(types("SELECT '-- not a comment', 1")).toEqual(['keyword:SELECT', "string:'-- not a comment'", 'punct:,', 'number:1']);
	});
});

describe('statement splitting', () => {
	it('splits at semicolons outside strings, quoted names and comments', () => {
		expect(splitStatements('CREATE TABLE x AS SELECT \';\' AS s; -- a; comment\nSELECT * FROM "a;b";\n\n  ;')).toEqual([
			"CREATE TABLE x AS SELECT ';' AS s",
			'-- a; comment\nSELECT * FROM "a;b"'
		]);
	});

	it('drops statements that are only comments or blank, and keeps one without a semicolon', () => {
		expect(splitStatements('-- just a comment\n')).toEqual([]);
		expect(splitStatements('SELECT 1')).toEqual(['SELECT 1']);
		expect(splitStatements('SELECT 1; /* c */')).toEqual(['SELECT 1']);
	});
});

describe('read-only detection (when the schema panel must be re-read)', () => {
	it('knows reading statements from changing ones', async () => {
		const { isReadOnly } = await import('../../src/lib/explore/tokenize');
		expect(isReadOnly('-- hi\nSELECT 1; WITH x AS (SELECT 1) SELECT * FROM x; (SELECT 2); DESCRIBE journeys')).toBe(true);
		expect(isReadOnly('SELECT 1; DROP TABLE journeys')).toBe(false);
		expect(isReadOnly('create table t as select 1')).toBe(false);
		expect(isReadOnly("select ';drop table x'")).toBe(true);
	});
});

describe('queries (which the explorer may run again inside a SELECT, for ENUM columns)', () => {
	it.each([
		['SELECT 1', true],
		['-- a comment\n(WITH x AS (SELECT 1) SELECT * FROM x)', true],
		['FROM journeys', true],
		['values (1), (2)', true],
		['TABLE journeys', true],
		['DESCRIBE journeys', false],
		['INSERT INTO t SELECT 1 RETURNING *', false],
		['UPDATE t SET e = 1 RETURNING e', false],
		['CREATE TABLE t AS SELECT 1', false],
		['', false]
	])('%j: %s', async (sql, expected) => {
		const { startsQuery } = await import('../../src/lib/explore/tokenize');
		expect(startsQuery(sql)).toBe(expected);
	});
});
