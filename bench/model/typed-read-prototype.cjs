// Prototype behind BENCHMARKS.md proposal P1: a typed read_csv, checks on typed columns and distinct values,
// then the insert, timed in Node on the browser's engine (duckdb-wasm, one thread). Not the app's code: the code
// lists are stand-ins (so some rows fail the checks); it measures the cost of the approach, not its results.
//   node bench/model/typed-read-prototype.cjs [bench/out/data/journeys-1000000.csv]
const path = require('path');
const fs = require('fs');
const entry = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
const duckdb = require(entry);
const dist = path.dirname(entry);
const file = process.argv[2] ?? 'bench/out/data/journeys-1000000.csv';
const TYPES = `{'CLIENTID':'VARCHAR','EPISODID':'VARCHAR','LA':'VARCHAR','AGE':'INTEGER','SEX':'VARCHAR','SUBSTANCE':'VARCHAR','REFLD':'DATE','RFLS':'VARCHAR','TRIAGED':'DATE','DISD':'DATE','DISRSN':'VARCHAR','RESRHBST':'DATE','synthetic':'BOOLEAN'}`;
(async () => {
	const bundles = {
		mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
		eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') }
	};
	const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
	await db.instantiate();
	db.open({});
	const c = db.connect();
	c.query('SET autoload_known_extensions=false');
	c.query(fs.readFileSync('src/lib/data/schema.sql', 'utf8'));
	c.query(`INSERT INTO substance_labels VALUES ('opiate_only','opiate_only'),('opiate_crack','opiate_crack'),('non_opiate_only','non_opiate_only'),('non_opiate_alcohol','non_opiate_alcohol'),('alcohol_only','alcohol_only')`);
	for (let i = 1; i <= 30; i++) c.query(`INSERT OR IGNORE INTO referral_labels VALUES ('${i}','r${i}'); INSERT OR IGNORE INTO discharge_labels VALUES ('${i}','d${i}')`);
	db.registerFileBuffer('j.csv', new Uint8Array(fs.readFileSync(file)));
	const steps = [
		['typed read', `CREATE OR REPLACE TEMP TABLE src AS SELECT row_number() OVER () AS row_no, * FROM read_csv('j.csv', header=true, auto_detect=false, delim=',', quote='"', escape='"', new_line='\\n', columns=${TYPES}, store_rejects=true, max_line_size=4000000)`],
		['checks', `CREATE OR REPLACE TEMP TABLE norm AS
			WITH sub AS (SELECT raw, s.substance_group FROM (SELECT DISTINCT SUBSTANCE AS raw FROM src) LEFT JOIN substance_labels s ON s.label = lower(trim(raw))),
			ref AS (SELECT raw, r.referral_source FROM (SELECT DISTINCT RFLS AS raw FROM src) LEFT JOIN referral_labels r ON r.label = lower(trim(raw))),
			dis AS (SELECT raw, d.discharge_reason FROM (SELECT DISTINCT DISRSN AS raw FROM src) LEFT JOIN discharge_labels d ON d.label = lower(trim(raw))),
			la AS (SELECT raw, upper(nullif(trim(raw), '')) AS area_code, is_area_code(upper(nullif(trim(raw), ''))) AS ok FROM (SELECT DISTINCT LA AS raw FROM src))
			SELECT row_no, nullif(trim(CLIENTID), '') AS client_id, EPISODID AS journey_id, la.area_code, AGE AS age, SEX AS sex, sub.substance_group, REFLD AS referral_date,
				coalesce(ref.referral_source, RFLS) AS referral_source, TRIAGED AS triage_date, DISD AS discharge_date, coalesce(dis.discharge_reason, DISRSN) AS discharge_reason,
				RESRHBST AS rehab_start_date, coalesce(synthetic, false) AS synthetic,
				nullif(concat_ws('; ', CASE WHEN CLIENTID IS NULL THEN 'client id blank' END, CASE WHEN NOT la.ok THEN 'bad area' END,
					CASE WHEN AGE IS NULL THEN 'age blank' WHEN AGE < 0 OR AGE > 120 THEN 'age out of range' END, CASE WHEN sub.substance_group IS NULL THEN 'substance' END,
					CASE WHEN TRIAGED IS NULL THEN 'triage blank' END, CASE WHEN DISD < TRIAGED THEN 'discharge before triage' END), '') AS problem
			FROM src LEFT JOIN sub ON sub.raw IS NOT DISTINCT FROM src.SUBSTANCE LEFT JOIN ref ON ref.raw IS NOT DISTINCT FROM src.RFLS
			LEFT JOIN dis ON dis.raw IS NOT DISTINCT FROM src.DISRSN LEFT JOIN la ON la.raw IS NOT DISTINCT FROM src.LA`],
		['drop src', 'DROP TABLE src'],
		['insert', `INSERT INTO journeys SELECT 100, client_id, journey_id, area_code, age, sex, substance_group, referral_date, referral_source, triage_date, discharge_date, discharge_reason, rehab_start_date, synthetic FROM norm WHERE problem IS NULL`]
	];
	for (let r = 0; r < 2; r++) {
		c.query('DELETE FROM journeys');
		let total = 0;
		const parts = [];
		for (const [k, sql] of steps) {
			const t = performance.now();
			c.query(sql);
			const ms = performance.now() - t;
			total += ms;
			parts.push(`${k} ${Math.round(ms)}`);
		}
		console.log(`run ${r + 1}: ${Math.round(total)} ms = ${parts.join(' + ')}`);
	}
})();
