import type { ClientInit } from '@sveltejs/kit';
import { dataset } from '$lib/state/dataset.svelte';

// Reads browser storage (the user's stored model, if any) before the page hydrates, so it hydrates into the user's
// figures. DuckDB itself starts later, at idle after first paint and hydration (dataset.hydrated), so its 34 MB of
// wasm never competes with them.
export const init: ClientInit = async () => {
	await dataset.boot();
};
