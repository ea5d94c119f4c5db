import { resolveConfig } from '../../src/core/config';
import { createSync } from '../../src/core/sync';
import type { ConsentRecord } from '../../src/core/types';
import { clearCookies, makeApi } from './harness';

const config = resolveConfig({});
const record: ConsentRecord = {
  id: '0b7f6f1e-4f4a-4c3b-9d7e-2a1b3c4d5e6f',
  revision: '1',
  given: '2030-01-01T00:00:00.000Z',
  updated: '2030-01-01T00:00:00.000Z',
  method: 'custom',
  categories: { necessary: true, preferences: false, analytics: true, marketing: false },
};

/** A stand-in BroadcastChannel that connects every channel of the same name in this realm. */
class Channel {
  static all: Channel[] = [];
  onmessage: ((e: { data: unknown }) => void) | null = null;
  constructor(public name: string) {
    Channel.all.push(this);
  }
  postMessage(data: unknown) {
    for (const c of Channel.all) if (c != this && c.name == this.name) c.onmessage?.({ data: structuredClone(data) });
  }
}
const win = { BroadcastChannel: Channel } as unknown as Window;
beforeEach(() => {
  Channel.all = [];
  clearCookies();
});

it('posts the record itself to other tabs, which receive it validated', () => {
  const a = createSync(config, win),
    b = createSync(config, win),
    got = vi.fn();
  b.listen(got);
  a.post(record);
  expect(got).toHaveBeenCalledWith(record);
});

it('ignores a message that is not a valid record for this revision', () => {
  const a = createSync(config, win),
    b = createSync(config, win),
    got = vi.fn();
  b.listen(got);
  a.post({ ...record, revision: '2' });
  a.post({ hello: 1 } as any);
  expect(got).not.toHaveBeenCalled();
});

it('works as a no-op where BroadcastChannel is missing', () => {
  const s = createSync(config, {} as Window);
  expect(() => {
    s.post(record);
    s.listen(() => {});
  }).not.toThrow();
});

it('a received record is applied without writing the cookie or broadcasting again, and emits change', () => {
  const { api, posted, receive, blocker } = makeApi();
  const change = vi.fn();
  api.on('change', change);
  receive(record);
  expect(api.allowed('analytics')).toBe(true);
  expect(change).toHaveBeenCalledWith(record);
  expect(blocker.release).toHaveBeenCalled();
  expect(posted).toEqual([]);
  expect(document.cookie).not.toContain('consentry=');
});

it('a received record older than the current decision is ignored', () => {
  const { api, receive } = makeApi();
  api.rejectAll();
  receive({ ...record, updated: '2000-01-01T00:00:00.000Z' });
  expect(api.allowed('analytics')).toBe(false);
});
