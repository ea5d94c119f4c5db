import type { ConsentRecord } from '../core/types';

/**
 * What the worker keeps across restarts (a service worker is stopped when idle and started again for the next
 * event, with nothing in memory): the latest consent a page told it and the config that came with it. Where the
 * worker cannot read the consent cookie itself (no `cookieStore`), this is how a restarted worker still knows.
 */
export interface Kept {
  /** The config input of the latest message. */
  config?: unknown;
  /** Its record (null: no decision), as received; validated again when read back. */
  record?: ConsentRecord | null;
  /** When it was said (ms since the epoch). */
  at?: number;
}

export interface Keep {
  load(): Promise<Kept>;
  save(kept: Kept): Promise<void>;
}

const DATABASE = 'consentry-shield';
const STORE = 'kept';
const KEY = 'latest';

const settled = <T>(request: IDBRequest<T> | IDBTransaction, result: () => T): Promise<T> =>
  new Promise((resolve, reject) => {
    const ok = () => resolve(result());
    const failed = () => reject(request.error);
    if ('oncomplete' in request) {
      request.oncomplete = ok;
      request.onabort = request.onerror = failed;
    } else {
      request.onsuccess = ok;
      request.onerror = failed;
    }
  });

/** One record in one object store. Every failure rejects: the caller decides what it means (nothing allowed). */
export function keepInIndexedDb(factory: IDBFactory | undefined): Keep {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    if (!factory) return Promise.reject(new Error('no IndexedDB'));
    if (!database) {
      const request = factory.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      database = settled(request, () => request.result);
      // A failed open is tried again on the next use.
      database.catch(() => (database = undefined));
    }
    return database;
  };
  return {
    async load() {
      const request = (await open()).transaction(STORE).objectStore(STORE).get(KEY);
      return (await settled(request, () => request.result)) || {};
    },
    async save(kept) {
      const transaction = (await open()).transaction(STORE, 'readwrite');
      transaction.objectStore(STORE).put(kept, KEY);
      await settled(transaction, () => undefined);
    },
  };
}
