import { resolveConfig } from '../../src/core/config';
import { clearRecord, parseRecord, readRecord, writeRecord } from '../../src/core/record';
import type { ConsentRecord } from '../../src/core/types';
import { consentRecord } from '../fixtures/record';

const config = resolveConfig({});
const record = consentRecord({ analytics: true });
const raw = () =>
  document.cookie
    .split('; ')
    .find((c) => c.startsWith('consentry='))!
    .slice(10);
const setRaw = (v: string) => (document.cookie = `consentry=${v}; path=/`);
/** Writes `r` through the real writer (valid checksum), so only the field under test is wrong. */
const stored = (r: unknown) => () => writeRecord(config, r as ConsentRecord);
const withFields = (fields: Record<string, unknown>) => stored({ ...record, ...fields });

beforeEach(() => {
  (window as any).happyDOM.setURL('https://example.com/page');
  for (const c of document.cookie.split('; '))
    document.cookie = c.split('=')[0] + '=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

it('a written record reads back as it was written', () => {
  writeRecord(config, record);
  expect(readRecord(config)).toEqual(record);
});

it('the stored value is small and readable: the JSON fields plus a checksum', () => {
  writeRecord(config, record);
  const o = JSON.parse(decodeURIComponent(raw()));
  expect(Object.keys(o)).toEqual(['id', 'revision', 'given', 'updated', 'method', 'categories', 'c']);
});

describe('what reads as no record, without throwing', () => {
  it('a missing cookie reads as no record', () => expect(readRecord(config)).toBeNull());

  it.each([
    ['a value that does not decode', () => setRaw('%E0%A4%A')],
    ['malformed JSON', () => setRaw(encodeURIComponent('{"id":'))],
    ['JSON that is not an object', () => setRaw('null')],
    ['an unknown method', withFields({ method: 'magic' })],
    ['an id that is not a UUID', withFields({ id: 'visitor-1' })],
    ['a date that is not ISO', withFields({ updated: 'yesterday' })],
    ['an impossible date', withFields({ given: '2024-13-45T10:00:00.000Z' })],
    ['necessary not true', withFields({ categories: { necessary: false, analytics: true } })],
    ['a category that is not a boolean', withFields({ categories: { necessary: true, analytics: 'yes' } })],
    ['categories that are not an object', withFields({ categories: 'all' })],
    ['no checksum', () => setRaw(encodeURIComponent(JSON.stringify(record)))],
    ['an older revision (the banner asks again)', withFields({ revision: '0' })],
    ['the id inside an array (it reads as the same text)', withFields({ id: [record.id] })],
    [
      'a year and 23 empty strings in an array (Date.parse reads 2024, and its length is 24)',
      withFields({ given: ['2024', ...Array(23).fill('')] }),
    ],
    ['a date Date.parse reads that toISOString never writes', withFields({ updated: 'Mon Jan 01 2024 10:00:00' })],
  ])('a cookie with %s reads as no record', (_, write) => {
    write();
    expect(document.cookie).toContain('consentry=');
    expect(readRecord(config)).toBeNull();
  });

  it('an oversized cookie reads as no record', () => {
    const big: Record<string, boolean> = { necessary: true };
    for (let i = 0; i < 200; i++) big['category' + i] = false;
    withFields({ categories: big })();
    expect(raw().length).toBeGreaterThan(2048);
    expect(readRecord(config)).toBeNull();
  });

  it('a hand-edited cookie whose checksum no longer matches reads as no record', () => {
    writeRecord(config, record);
    setRaw(raw().replace('%22marketing%22:false', '%22marketing%22:true'));
    expect(raw()).toContain('%22marketing%22:true');
    expect(readRecord(config)).toBeNull();
  });
});

it('a configured category the record lacks counts as denied, and one the config dropped is left out', () => {
  withFields({ categories: { necessary: true, analytics: true, retired: true } })();
  expect(readRecord(config)?.categories).toEqual({
    necessary: true,
    preferences: false,
    analytics: true,
    marketing: false,
  });
});

it('of several same-name cookies, the valid one decided last wins', () => {
  const older = consentRecord({}, { updated: '2023-12-01T10:00:00.000Z' });
  const doc = { cookie: '' } as Document;
  writeRecord(config, older);
  const olderValue = raw();
  writeRecord(config, record);
  const newerValue = raw();
  doc.cookie = `consentry=${newerValue}; other=1; consentry=${olderValue}; consentry=broken`;
  expect(readRecord(config, doc)?.updated).toBe(record.updated);
  doc.cookie = `consentry=${olderValue}; consentry=${newerValue}`;
  expect(readRecord(config, doc)?.updated).toBe(record.updated);
});

describe('parseRecord, the one parser of a raw value (the loader and the service worker both read through it)', () => {
  it('a raw value as the jar holds it parses to the record readRecord gives', () => {
    writeRecord(config, record);
    expect(parseRecord(raw(), config)).toEqual(readRecord(config));
    expect(parseRecord(raw(), config)).toEqual(record);
  });

  it('a raw value whose checksum no longer matches parses to null', () => {
    writeRecord(config, record);
    expect(parseRecord(raw().replace('%22marketing%22:false', '%22marketing%22:true'), config)).toBeNull();
  });
});

describe('cookie attributes', () => {
  const capture = () => {
    const writes: string[] = [];
    vi.spyOn(document, 'cookie', 'set').mockImplementation((v) => void writes.push(v));
    return writes;
  };
  const expiresInDays = (write: string) =>
    Math.round((Date.parse(/; expires=([^;]+)/.exec(write)![1]) - Date.now()) / 864e5);
  afterEach(() => vi.restoreAllMocks());

  it('the record is written with Path=/, SameSite=Lax, Secure on https, and expires after the configured days', () => {
    const writes = capture();
    writeRecord(config, record);
    expect(writes[0]).toMatch(/; path=\//);
    expect(writes[0]).toMatch(/; sameSite=Lax/i);
    expect(writes[0]).toMatch(/; secure/);
    expect(expiresInDays(writes[0])).toBe(182);
  });
  it('the record is not Secure on plain http', () => {
    (window as any).happyDOM.setURL('http://example.com/');
    const writes = capture();
    writeRecord(config, record);
    expect(writes[0]).not.toMatch(/secure/i);
  });
  it('the record carries the configured domain and lifetime', () => {
    const writes = capture();
    writeRecord(resolveConfig({ cookie: { domain: 'example.com', days: 30 } }), record);
    expect(writes[0]).toMatch(/; domain=example\.com/);
    expect(expiresInDays(writes[0])).toBe(30);
  });
  it('clearRecord deletes the record on path / host-only, and on the configured domain', () => {
    const writes = capture();
    clearRecord(resolveConfig({ cookie: { domain: 'example.com' } }));
    expect(writes).toHaveLength(2);
    for (const write of writes) {
      expect(write).toMatch(/^consentry=;/);
      expect(write).toMatch(/path=\//);
      expect(expiresInDays(write)).toBeLessThan(0);
    }
    expect(writes[0]).not.toMatch(/domain=/);
    expect(writes[1]).toMatch(/domain=example\.com/);
  });
});

it('after clearRecord there is no record to read', () => {
  writeRecord(config, record);
  clearRecord(config);
  expect(readRecord(config)).toBeNull();
});
