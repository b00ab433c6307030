import type { Handle } from '@sveltejs/kit';

// Prerendered pages carry no <link rel="modulepreload">: with ~17 modules fetched and parsed while the browser lays out
// and paints the page, the first paint waited on them (2 cores; bench, 7 fresh profiles each: first chart 244 ms with
// the preloads, 188 ms without). The page is whole without JavaScript; its start script imports the modules once
// the HTML is parsed, and hydration came 25 ms later than with the preloads on this machine (BENCHMARKS.md).
export const handle: Handle = ({ event, resolve }) => resolve(event, { preload: ({ type }) => type === 'css' });
