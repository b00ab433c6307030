import type { ClientInit } from '@sveltejs/kit';
import { dataset } from '$lib/state/dataset.svelte';

// DuckDB compiles about 34 MB of wasm in a worker: start it as the app starts, before the root layout
// hydrates (the page is already painted from the prerendered HTML). Not awaited: hydration must not wait.
export const init: ClientInit = () => {
	void dataset.start();
};
