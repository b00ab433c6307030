import { test, expect } from 'vitest';
import { openEmptyDb } from '../src/lib/data/node-defaults';
import { ingestFile, IngestError } from '../src/lib/data/ingest';

const enc = new TextEncoder();
test('probe', async () => {
	const db = await openEmptyDb();
	let id = 1;
	const tryit = async (label: string, data: Uint8Array | string) => {
		const bytes = typeof data === 'string' ? enc.encode(data) : data;
		try {
			const r = await ingestFile(db, { fileId: id++, name: label + '.csv', bytes });
			console.log(label, '→', r.kind, 'loaded', r.rowsLoaded, 'rej', r.rowsRejected, JSON.stringify(r.rejects), 'warn', JSON.stringify(r.warnings), r.ignoredColumns);
		} catch (e) {
			console.log(label, '→', e instanceof IngestError ? 'IngestError' : 'OTHER', (e as Error).message.slice(0, 300));
		}
	};
	const J = 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST\n';
	await tryit('ragged', J + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\nC2,E2,E08000018,30,M\nC3,E3,E08000018,30,M,opiate_only,,,2022-01-01,,,,extra\nC4,E4,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	await tryit('dates', J + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\nC2,E2,E08000018,30,M,opiate_only,,,31/03/2024,,,\nC3,E3,E08000018,30,M,opiate_only,,,45382,,,\nC4,E4,E08000018,30,M,opiate_only,,,31/02/2024,,,\n');
	await tryit('quoted', J + 'C1,E1,E08000018,30,M,"opiate_only",,"a, ""b""\nc",2022-01-01,,,\nC2,E2,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	await tryit('unquoted-quote', J + 'C1,E1,E08000018,30,M,opiate_only,,ab"c,2022-01-01,,,\nC2,E2,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	await tryit('unterminated', J + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\nC2,E2,E08000018,30,M,opiate_only,,"abc,2022-01-01,,,\nC3,E3,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	const big = 'x'.repeat(10 * 1024 * 1024);
	await tryit('bigline', J + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\nC2,E2,E08000018,30,M,opiate_only,,' + big + ',2022-01-01,,,\nC3,E3,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	await tryit('bigline-unquoted-end', J + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\n' + big + '\nC3,E3,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	const cols = Array.from({ length: 10000 }, (_, i) => 'column_' + i).join(',');
	await tryit('10kcols', cols + '\n' + Array.from({ length: 10000 }, (_, i) => i).join(',') + '\n');
	await tryit('10kcols-journeys', J.trim() + ',' + cols + '\nC1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,' + ',1'.repeat(10000) + '\n');
	await tryit('cr', J.replace('\n', '\r') + 'C1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\rC2,E2,E08000018,30,M,opiate_only,,,2022-01-01,,,\r');
	await tryit('headeronly', J);
	await tryit('headeronly-crlf', J.replace('\n', '\r\n') + '\r\n\r\n');
	await tryit('blanklines', J + '\nC1,E1,E08000018,30,M,opiate_only,,,2022-01-01,,,\n\n\nC2,E2,E08000018,30,M,opiate_only,,,2022-01-01,,,\n');
	console.log(await db.query('SELECT file_id, count(*) n FROM journeys GROUP BY 1 ORDER BY 1'));
	expect(1).toBe(1);
});
