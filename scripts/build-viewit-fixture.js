#!/usr/bin/env node
/**
 * Writes tests/fixtures/viewit/viewit-adult-barnet-extract.csv: the real NDTMS ViewIt adult download for Barnet
 * (reference/ndtms-viewit/, REAL-DATA.md) cut to three reporting periods, lines copied byte for byte, so CI (which
 * has no copy of the reference folder) tests the loader on the real layout.
 *
 *   node scripts/build-viewit-fixture.js        reads $CDP_REFERENCE (default ../shared/reference beside the repo)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REF = resolve(process.env.CDP_REFERENCE ?? resolve(repoRoot, '../shared/reference'));
const IN = resolve(REF, 'ndtms-viewit/viewit-adult-barnet-2009-10-to-2017-18.csv');
const OUT = resolve(repoRoot, 'tests/fixtures/viewit/viewit-adult-barnet-extract.csv');
// The first period, and the two latest (on the treatment page's years).
const PERIODS = ['2009/10', '2016/17', '2017/18'];

const [header, ...rows] = readFileSync(IN, 'utf8').split('\n');
const kept = rows.filter((line) => PERIODS.includes(line.slice(0, line.indexOf(','))));
writeFileSync(OUT, [header, ...kept].join('\n') + '\n');
console.log(`build-viewit-fixture: ${kept.length} of ${rows.filter(Boolean).length} rows (${PERIODS.join(', ')}) → ${OUT}`);
