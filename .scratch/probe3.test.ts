import { test, expect } from 'vitest';
import { createNodeDb } from '../src/lib/data/duckdb-node';

const enc = new TextEncoder();
test('probe3', async () => {
	const db = await createNodeDb();
	const run = async (text: string, opts: string) => {
		await db.registerFile('t.csv', enc.encode(text));
		await db.exec(`DROP TABLE IF EXISTS rj; DROP TABLE IF EXISTS rs;`);
		let out: string;
		try {
			const rows = await db.query<any>(`SELECT * FROM read_csv('t.csv', ${opts}, auto_detect=false, delim=',', quote='"', escape='"', columns={'c0':'VARCHAR','c1':'VARCHAR','c2':'VARCHAR'}, store_rejects=true, rejects_table='rj', rejects_scan='rs', max_line_size=4000000)`);
			const rj = await db.query<any>(`SELECT line, error_type FROM rj`);
			out = rows.length + ' rows ' + JSON.stringify(rows.map((r: any) => r.c2)) + ' rej ' + JSON.stringify(rj.map((r: any) => r.line + ':' + r.error_type));
		} catch (e) { out = 'ERR ' + (e as Error).message.split('\n')[0]; }
		await db.dropFile('t.csv');
		return out;
	};
	const files: Record<string, string> = {
		lf: 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n',
		crlf: 'a,b,c\r\n1,2,3\r\n4,5,6\r\n7,8,9\r\n',
		cr: 'a,b,c\r1,2,3\r4,5,6\r7,8,9\r',
		'hdr-lf-data-crlf': 'a,b,c\n1,2,3\r\n4,5,6\r\n7,8,9\r\n',
		'hdr-crlf-data-lf': 'a,b,c\r\n1,2,3\n4,5,6\n7,8,9\n',
		'crlf-one-lf': 'a,b,c\r\n1,2,3\r\n4,5,6\n7,8,9\r\n',
		'lf-one-crlf': 'a,b,c\n1,2,3\n4,5,6\r\n7,8,9\n',
		'lf-one-cr': 'a,b,c\n1,2,3\n4,5,6\r7,8,9\n',
		'crlf-quoted-lf': 'a,b,c\r\n1,"x\ny",3\r\n4,5,6\r\n7,8,9\r\n',
		'lf-quoted-crlf': 'a,b,c\n1,"x\r\ny",3\n4,5,6\n7,8,9\n',
		'lf-quoted-cr': 'a,b,c\n1,"x\ry",3\n4,5,6\n7,8,9\n',
		'cr-quoted-lf': 'a,b,c\r1,"x\ny",3\r4,5,6\r7,8,9\r',
		'lf-trailing-cr-field': 'a,b,c\n1,2,3\r\n',
	};
	for (const [name, text] of Object.entries(files)) {
		const res: string[] = [];
		for (const nl of ['', "new_line='\\n'", "new_line='\\r\\n'", "new_line='\\r'"]) {
			res.push(`[${nl || 'unset'}] skip: ${await run(text, `header=false, skip=1${nl ? ', ' + nl : ''}`)} | header: ${await run(text, `header=true${nl ? ', ' + nl : ''}`)}`);
		}
		console.log(name + '\n  ' + res.join('\n  '));
	}
	expect(1).toBe(1);
});
