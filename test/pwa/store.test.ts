import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import { parseEngagement, type Engagement } from '../../core/index.ts';
import { DB_NAME, DB_VERSION, openHandbook, type V1Engagement } from '../../pwa/src/store/db.ts';
import { asWriteError, deleteEngagement, getEngagement, listHistory, listSummaries, saveEngagement, StorageWriteError, type NewEngagement } from '../../pwa/src/store/engagements.ts';
import { hashText } from '../../pwa/src/store/hash.ts';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const text = readFileSync(new URL('../../examples/acme-ost.yaml', import.meta.url), 'utf8');
const parsed = parseEngagement(text, { fileName: 'acme-ost.yaml', now: NOW });
if (!parsed.ok) throw new Error('example does not parse');
const engagement: Engagement = parsed.engagement;

function record(body: string, at = NOW): NewEngagement {
  return { id: 'acme-ost', title: 'Acme', fileName: 'acme-ost.yaml', text: body, hash: hashText(body), engagement, importedAt: at, warnings: 0 };
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('saving engagements', () => {
  test('a new import of the same id becomes the next version and the previous one moves to history', async () => {
    const db = await openHandbook();
    expect(await saveEngagement(db, record(text))).toEqual({ version: 1, replaced: false, unchanged: false });
    const edited = `${text}\n# edited\n`;
    expect(await saveEngagement(db, record(edited, NOW + 1000))).toEqual({ version: 2, replaced: true, unchanged: false });
    const current = await getEngagement(db, 'acme-ost');
    expect(current?.version).toBe(2);
    expect(await listSummaries(db)).toEqual([{ id: 'acme-ost', title: 'Acme', fileName: 'acme-ost.yaml', hash: hashText(edited), version: 2, importedAt: NOW + 1000, warnings: 0 }]);
    expect(current?.text).toBe(edited);
    const history = await listHistory(db, 'acme-ost');
    expect(history.map((h) => [h.version, h.text === text, h.replacedAt])).toEqual([[1, true, NOW + 1000]]);
    db.close();
  });

  test('importing the identical file again writes nothing', async () => {
    const db = await openHandbook();
    await saveEngagement(db, record(text));
    expect(await saveEngagement(db, record(text, NOW + 5))).toEqual({ version: 1, replaced: false, unchanged: true });
    expect(await listHistory(db, 'acme-ost')).toEqual([]);
    expect((await getEngagement(db, 'acme-ost'))?.importedAt).toBe(NOW);
    db.close();
  });

  test('a write that fails leaves the stored version and its history untouched', async () => {
    const db = await openHandbook();
    await saveEngagement(db, record(text));
    // The history put comes first in the transaction; the failing engagement put must take it back.
    const broken = { ...record(`${text}#x`), engagement: { ...engagement, poison: () => 1 } as unknown as Engagement };
    const error = await saveEngagement(db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as Error).message).toMatch(/unchanged/);
    const current = await getEngagement(db, 'acme-ost');
    expect([current?.version, current?.text]).toEqual([1, text]);
    expect((await listSummaries(db)).map((e) => e.version)).toEqual([1]);
    expect(await listHistory(db, 'acme-ost')).toEqual([]);
    db.close();
  });

  test('a quota error is reported as such', () => {
    const e = asWriteError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    expect(e.reason).toBe('quota');
    expect(e.message).toMatch(/quota exceeded/);
    expect(asWriteError(new Error('disk on fire')).reason).toBe('other');
  });

  test('delete removes the engagement and every earlier version', async () => {
    const db = await openHandbook();
    await saveEngagement(db, record(text));
    await saveEngagement(db, record(`${text}#2`));
    await saveEngagement(db, { ...record(text), id: 'other' });
    await deleteEngagement(db, 'acme-ost');
    expect(await getEngagement(db, 'acme-ost')).toBeUndefined();
    expect(await listHistory(db, 'acme-ost')).toEqual([]);
    expect((await getEngagement(db, 'other'))?.version).toBe(1);
    expect((await listSummaries(db)).map((e) => e.id)).toEqual(['other']);
    db.close();
  });
});

describe('schema upgrades', () => {
  test('a version 1 database (latest copy only, no versions) upgrades in place and keeps its data', async () => {
    const v1: V1Engagement = { id: 'acme-ost', title: 'Acme', fileName: 'acme-ost.yaml', text, engagement, importedAt: NOW - 86_400_000 };
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => {
        req.result.createObjectStore('engagements', { keyPath: 'id' });
        req.result.createObjectStore('meta');
      };
      req.onsuccess = () => {
        const tx = req.result.transaction('engagements', 'readwrite');
        tx.objectStore('engagements').put(v1);
        tx.oncomplete = () => {
          req.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
      req.onerror = () => reject(req.error);
    });

    const db = await openHandbook();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['engagements', 'history', 'meta', 'searchIndex', 'summaries']);
    expect(await listSummaries(db)).toEqual([{ id: 'acme-ost', title: 'Acme', fileName: 'acme-ost.yaml', hash: hashText(text), version: 1, importedAt: v1.importedAt, warnings: 0 }]);
    const upgraded = await getEngagement(db, 'acme-ost');
    expect(upgraded).toMatchObject({ version: 1, hash: hashText(text), text, importedAt: v1.importedAt, warnings: 0 });
    // The upgraded record takes part in versioning like any other.
    expect(await saveEngagement(db, record(`${text}#new`))).toEqual({ version: 2, replaced: true, unchanged: false });
    expect((await listHistory(db, 'acme-ost')).map((h) => h.importedAt)).toEqual([v1.importedAt]);
    db.close();
  });

  test('an open connection closes when another tab needs a newer schema', async () => {
    let blocking = 0;
    const db = await openHandbook({ onBlocking: () => blocking++ });
    const newer = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION + 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked: the old connection did not close'));
    });
    expect(blocking).toBe(1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    void db;
  });
});

test('hashText tells versions apart and is stable', () => {
  expect(hashText('a')).toBe(hashText('a'));
  expect(hashText('a')).not.toBe(hashText('b'));
  expect(hashText(text)).toMatch(/^[0-9a-f]{16}$/);
  expect(hashText(`${text} `)).not.toBe(hashText(text));
});
