import type { ClientInit } from '@sveltejs/kit';
import { dataset } from '$lib/state/dataset.svelte';

// Before the page hydrates: read browser storage (the user's stored model, if any), so the page hydrates into the
// user's figures, and start DuckDB's worker script compiling on another thread. The engine itself (its 34 MB of
// wasm, the schema, the embedded files) starts at idle after hydration (dataset.hydrated).
export const init: ClientInit = async () => {
	await dataset.boot();
};
