/**
 * The user's files, kept as they were picked (File objects, which IndexedDB copies off the main thread) so
 * they survive a reload and a browser restart (DuckDB's own OPFS persistence has open bugs). Nothing is ever
 * uploaded.
 */
const DB_NAME = 'cdp-dashboard';
const STORE = 'files';

export interface StoredFile {
	fileId: number;
	name: string;
	data: Blob;
	loadedAt: string;
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(DB_NAME, 1);
		req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'fileId' });
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

async function tx<T>(mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const t = db.transaction(STORE, mode);
			const req = run(t.objectStore(STORE));
			t.oncomplete = () => resolve(req.result);
			t.onerror = () => reject(t.error);
			t.onabort = () => reject(t.error ?? new Error('IndexedDB transaction aborted'));
		});
	} finally {
		db.close();
	}
}

export const storedFiles = {
	list: () => tx<StoredFile[]>('readonly', (s) => s.getAll() as IDBRequest<StoredFile[]>).then((f) => f.sort((a, b) => a.fileId - b.fileId)),
	put: (file: StoredFile) => tx('readwrite', (s) => s.put(file)),
	remove: (fileId: number) => tx('readwrite', (s) => s.delete(fileId)),
	clear: () => tx('readwrite', (s) => s.clear())
};
