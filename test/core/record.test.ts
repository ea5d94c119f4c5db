import { resolveConfig } from '../../src/core/config';
import { clearRecord, readRecord, writeRecord } from '../../src/core/record';
import type { ConsentRecord } from '../../src/core/types';

const config = resolveConfig({ revision: '3' });
const record = (over: Partial<ConsentRecord> = {}): ConsentRecord => ({
  id: '0b7f6f1e-4f4a-4c3b-9d7e-2a1b3c4d5e6f',
  revision: '3',
  given: '2024-01-01T10:00:00.000Z',
  updated: '2024-02-01T10:00:00.000Z',
  method: 'custom',
  categories: { necessary: true, preferences: false, analytics: true, marketing: false },
  ...over,
});
const raw = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith('consentry='))!
    .slice(10);
const setRaw = (v: string) => (document.cookie = `consentry=${v}; path=/`);
/** Writes `r` through the real writer (valid checksum), so only the field under test is wrong. */
const stored = (r: unknown) => writeRecord(config, r as ConsentRecord);

beforeEach(() => {
  (window as any).happyDOM.setURL('https://example.com/page');
  for (const c of document.cookie.split('; '))
    document.cookie = c.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

it('reads back what it wrote', () => {
  writeRecord(config, record());
  expect(readRecord(config)).toEqual(record());
});

it('keeps the value small and readable: JSON plus a checksum', () => {
  writeRecord(config, record());
  const o = JSON.parse(decodeURIComponent(raw()));
  expect(Object.keys(o)).toEqual(['id', 'revision', 'given', 'updated', 'method', 'categories', 'c']);
});

describe('counts as no record, without throwing', () => {
  it('a missing cookie', () => expect(readRecord(config)).toBeNull());
  it('garbage', () => {
    setRaw('%E0%A4%A');
    expect(readRecord(config)).toBeNull();
  });
  it('malformed JSON', () => {
    setRaw(encodeURIComponent('{"id":'));
    expect(readRecord(config)).toBeNull();
  });
  it('JSON that is not an object', () => {
    setRaw('null');
    expect(readRecord(config)).toBeNull();
  });
  it('a wrong method', () => {
    stored(record({ method: 'magic' as any }));
    expect(readRecord(config)).toBeNull();
  });
  it('an id that is not a UUID', () => {
    stored(record({ id: 'visitor-1' }));
    expect(readRecord(config)).toBeNull();
  });
  it('a date that is not ISO', () => {
    stored(record({ updated: 'yesterday' }));
    expect(readRecord(config)).toBeNull();
  });
  it('an impossible date', () => {
    stored(record({ given: '2024-13-45T10:00:00.000Z' }));
    expect(readRecord(config)).toBeNull();
  });
  it('necessary not true', () => {
    stored(record({ categories: { necessary: false, analytics: true } }));
    expect(readRecord(config)).toBeNull();
  });
  it('a category that is not a boolean', () => {
    stored(record({ categories: { necessary: true, analytics: 'yes' } as any }));
    expect(readRecord(config)).toBeNull();
  });
  it('categories that are not an object', () => {
    stored(record({ categories: 'all' as any }));
    expect(readRecord(config)).toBeNull();
  });
  it('an oversized cookie', () => {
    const big: Record<string, boolean> = { necessary: true };
    for (let i = 0; i < 200; i++) big['category' + i] = false;
    stored(record({ categories: big }));
    expect(raw().length).toBeGreaterThan(2048);
    expect(readRecord(config)).toBeNull();
  });
  it('a hand-edited cookie whose checksum no longer matches', () => {
    writeRecord(config, record());
    setRaw(raw().replace('%22marketing%22:false', '%22marketing%22:true'));
    expect(raw()).toContain('%22marketing%22:true');
    expect(readRecord(config)).toBeNull();
  });
  it('a cookie without a checksum', () => {
    setRaw(encodeURIComponent(JSON.stringify(record())));
    expect(readRecord(config)).toBeNull();
  });
  it('a record from an older revision (the banner asks again)', () => {
    writeRecord(config, record({ revision: '2' }));
    expect(readRecord(config)).toBeNull();
  });
});

it('counts a configured category the record lacks as denied, and leaves out one the config dropped', () => {
  stored(record({ categories: { necessary: true, analytics: true, retired: true } }));
  expect(readRecord(config)?.categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: true,
    marketing: false,
  });
});

it('of duplicate same-name cookies, uses the valid one decided last', () => {
  const older = record({
    updated: '2024-01-01T10:00:00.000Z',
    categories: { ...record().categories, analytics: false },
  });
  const doc = { cookie: '' } as Document;
  writeRecord(config, older);
  const a = raw();
  writeRecord(config, record());
  const b = raw();
  doc.cookie = `consentry=${b}; other=1; consentry=${a}; consentry=broken`;
  expect(readRecord(config, doc)?.updated).toBe(record().updated);
  doc.cookie = `consentry=${a}; consentry=${b}`;
  expect(readRecord(config, doc)?.updated).toBe(record().updated);
});

describe('cookie attributes', () => {
  const capture = () => {
    const writes: string[] = [];
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v));
    return writes;
  };
  afterEach(() => vi.restoreAllMocks());

  it('writes SameSite=Lax, Secure on https, Path=/ and expires after the configured days', () => {
    const writes = capture();
    writeRecord(config, record());
    expect(writes[0]).toMatch(/; path=\//);
    expect(writes[0]).toMatch(/; sameSite=Lax/i);
    expect(writes[0]).toMatch(/; secure/);
    const expires = Date.parse(/; expires=([^;]+)/.exec(writes[0])![1]);
    expect(Math.round((expires - Date.now()) / 864e5)).toBe(182);
  });
  it('is not Secure on plain http', () => {
    (window as any).happyDOM.setURL('http://example.com/');
    const writes = capture();
    writeRecord(config, record());
    expect(writes[0]).not.toMatch(/secure/i);
  });
  it('adds the configured domain and lifetime', () => {
    const writes = capture();
    writeRecord(resolveConfig({ revision: '3', cookie: { domain: 'example.com', days: 30 } }), record());
    expect(writes[0]).toMatch(/; domain=example\.com/);
    expect(Math.round((Date.parse(/; expires=([^;]+)/.exec(writes[0])![1]) - Date.now()) / 864e5)).toBe(30);
  });
  it('clearRecord deletes on path / and on the configured domain', () => {
    const writes = capture();
    clearRecord(resolveConfig({ cookie: { domain: 'example.com' } }));
    expect(writes).toHaveLength(2);
    expect(
      writes.every(
        (w) => /^consentry=;/.test(w) && /path=\//.test(w) && Date.parse(/expires=([^;]+)/.exec(w)![1]) < Date.now(),
      ),
    ).toBe(true);
    expect(writes[1]).toMatch(/domain=example\.com/);
  });
});

it('clearRecord removes the record', () => {
  writeRecord(config, record());
  clearRecord(config);
  expect(readRecord(config)).toBeNull();
});
