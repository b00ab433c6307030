import { test, expect } from 'vitest';
import { createNodeDb } from '../src/lib/data/duckdb-node';

const enc = new TextEncoder();
test('probe2', async () => {
	const db = await createNodeDb();
	const run = async (label: string, text: string, nl: string, ncol = 3) => {
		await db.registerFile('t.csv', enc.encode(text));
		const cols = Array.from({ length: ncol }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
		await db.exec(`DROP TABLE IF EXISTS rj; DROP TABLE IF EXISTS rs;`);
		try {
			const rows = await db.query(`SELECT * FROM read_csv('t.csv', header=false, skip=1, auto_detect=false, delim=',', quote='"', escape='"', ${nl ? `new_line='${nl}', ` : ''}columns={${cols}}, store_rejects=true, rejects_table='rj', rejects_scan='rs', max_line_size=4000000)`);
			console.log(label, JSON.stringify(rows));
			console.log('  rejects', JSON.stringify(await db.query(`SELECT line, line_byte_position, byte_position, column_idx, column_name, error_type, error_message, csv_line FROM rj`)));
		} catch (e) { console.log(label, 'ERR', (e as Error).message); }
		await db.dropFile('t.csv');
	};
	for (const nl of ['', '\\n', '\\r\\n']) {
		console.log('---- new_line=', nl);
		await run('mixed1', 'a,b,c\r\n1,2,3\n4,5,6\r\n7,8\r\n', nl);
		await run('mixed2', 'a,b,c\n1,2,3\r\n4,5,6\r7,8,9\n1,2\n', nl);
		await run('crlf-lf-in-quotes', 'a,b,c\r\n1,"x\ny",3\r\n4,5,6\r\n', nl);
		await run('cr-only', 'a,b,c\r1,2,3\r\r4,5\r6,7,8\r', nl);
		await run('crlf-blank', 'a,b,c\r\n1,2,3\r\n\r\n4,5\r\n6,7,8\r\n', nl);
		await run('multiline', 'a,b,c\n1,"x\ny\nz",3\n4,5\n6,7,8\n', nl);
	}
	expect(1).toBe(1);
});
