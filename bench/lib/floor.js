// The floor of "first chart" on this machine: the dashboard's own trajectory chart, as the build prerenders it,
// alone in a static page (no stylesheet, no script, no other content), served and measured like the peer. No page
// that draws this chart can paint it sooner, so floor ÷ peer is the lowest ratio any version of the dashboard
// could reach in the same run (the budget asks < 0.5×).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FLOOR_DIR = path.join(os.tmpdir(), 'cdp-floor');
export const STATIC_DIR = path.join(os.tmpdir(), 'cdp-static-home');

/** Writes the floor page from the built home page; returns its directory, or throws naming what is missing. */
export function buildFloor(buildDir) {
	const html = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
	const figure = html.indexOf('id="fig-trajectory');
	const start = figure < 0 ? -1 : html.indexOf('<svg', figure);
	const end = start < 0 ? -1 : html.indexOf('</svg>', start);
	if (end < 0) throw new Error(`${buildDir}/index.html has no trajectory chart SVG to make the floor page from`);
	const svg = html.slice(start, end + '</svg>'.length);
	fs.rmSync(FLOOR_DIR, { recursive: true, force: true });
	fs.mkdirSync(FLOOR_DIR, { recursive: true });
	fs.writeFileSync(
		path.join(FLOOR_DIR, 'index.html'),
		`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first-chart floor</title></head><body>${svg}</body></html>`
	);
	return FLOOR_DIR;
}

/**
 * The built home page without its JavaScript (every <script> removed; its inlined stylesheet kept): what the first
 * screen costs to paint by itself, whatever the scripts do. If it is over half the peer, only a first screen with
 * less on it could meet the budget.
 */
export function buildStaticHome(buildDir) {
	const html = fs.readFileSync(path.join(buildDir, 'index.html'), 'utf8');
	const stripped = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
	if (!stripped.includes('id="fig-trajectory')) throw new Error(`${buildDir}/index.html has no trajectory chart for the static page`);
	fs.rmSync(STATIC_DIR, { recursive: true, force: true });
	fs.mkdirSync(STATIC_DIR, { recursive: true });
	fs.writeFileSync(path.join(STATIC_DIR, 'index.html'), stripped);
	return STATIC_DIR;
}
