import type { ClientInit } from '@sveltejs/kit';
import { dataset } from '$lib/state/dataset.svelte';

// Reads browser storage (the user's stored model, if any) while the page hydrates. DuckDB itself starts later, at
// idle after first paint and hydration (dataset.hydrated), so its 34 MB of wasm never competes with them.
export const init: ClientInit = () => {
	dataset.boot();
};
