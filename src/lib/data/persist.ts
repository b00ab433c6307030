/**
 * What survives a reload, in IndexedDB: the user's files, kept as they were picked (File objects, which IndexedDB
 * copies off the main thread; DuckDB's own OPFS persistence has open bugs), and the model last computed from them
 * (aggregates only, never rows), keyed by the files' content hashes and the build, so a reload can paint the user's
 * figures before DuckDB starts. Nothing is ever uploaded.
 */
const DB_NAME = 'cdp-dashboard';
const FILES = 'files';
const MODEL = 'model';

export interface StoredFile {
	fileId: number;
	name: string;
	data: Blob;
	loadedAt: string;
	/** SHA-256 of the content (hex), see `contentHash`. */
	hash?: string;
}

export interface StoredModel<M, R> {
	/** `modelKey(build, files)` at the time the model was computed. */
	key: string;
	model: M;
	reports: R[];
	savedAt: string;
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		// Version 2 added the model store.
		const req = indexedDB.open(DB_NAME, 2);
		req.onupgradeneeded = () => {
			const db = req.result;
			if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: 'fileId' });
			if (!db.objectStoreNames.contains(MODEL)) db.createObjectStore(MODEL);
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function tx<T>(store: string, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const t = db.transaction(store, mode);
			const req = run(t.objectStore(store));
			t.oncomplete = () => resolve(req.result);
			t.onerror = () => reject(t.error);
			t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
		});
	} finally {
		db.close();
	}
}

export const storedFiles = {
	list: () => tx<StoredFile[]>(FILES, 'readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>).then((f) => f.sort((a, b) => a.fileId - b.fileId)),
	put: (file: StoredFile) => tx(FILES, 'readwrite', (s) => s.put(file)),
	remove: (fileId: number) => tx(FILES, 'readwrite', (s) => s.delete(fileId)),
	clear: () => tx(FILES, 'readwrite', (s) => s.clear())
};

/**
 * Set in localStorage while a model is stored: `src/app.html` reads it synchronously, before the first paint, and hides
 * the page's figures until the stored model is applied, so a reload never paints the embedded figures first.
 */
export const STORED_MODEL_FLAG = 'cdp-dashboard:stored-model';

function flag(on: boolean): void {
	try {
		if (on) localStorage.setItem(STORED_MODEL_FLAG, '1');
		else localStorage.removeItem(STORED_MODEL_FLAG);
	} catch {
		// No localStorage (a locked-down browser): a reload shows the embedded figures until the stored ones apply.
	}
}

export const storedModel = {
	get: <M, R>() => tx<StoredModel<M, R> | undefined>(MODEL, 'readonly', (s) => s.get('current')),
	put: <M, R>(m: StoredModel<M, R>) => tx(MODEL, 'readwrite', (s) => s.put(m, 'current')).then(() => flag(true)),
	clear: () => tx(MODEL, 'readwrite', (s) => s.clear()).finally(() => flag(false))
};

/** The stored model's key: which build computed it (definitions change with the build) from which files' contents. */
export function modelKey(build: string, files: { fileId: number; hash?: string }[]): string | null {
	if (files.some((f) => !f.hash)) return null;
	return [build, ...files.map((f) => `${f.fileId}:${f.hash}`)].join('|');
}

/** Slices hashed one at a time, so a large file is never held in memory whole. */
const HASH_SLICE = 16 << 20;

/** SHA-256 of each 16 MB slice, then of their concatenation: a content hash computed off the main thread. */
export async function contentHash(blob: Blob): Promise<string> {
	const parts: ArrayBuffer[] = [];
	for (let at = 0; at < blob.size || at === 0; at += HASH_SLICE) {
		parts.push(await crypto.subtle.digest('SHA-256', await blob.slice(at, at + HASH_SLICE).arrayBuffer()));
	}
	const all = new Uint8Array(parts.length * 32);
	parts.forEach((p, i) => all.set(new Uint8Array(p), i * 32));
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', all));
	return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
