import { resolveConfig } from '../../src/core/config';
import { createSync } from '../../src/core/sync';
import { consentRecord } from '../fixtures/record';
import { clearCookies, makeApi } from './harness';

const config = resolveConfig({});
const record = consentRecord({ analytics: true });

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

it('a posted record reaches the other tabs, validated', () => {
  const sender = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  sender.post(record);
  expect(got).toHaveBeenCalledWith(record);
});

it('a message that is not a valid record for this revision is ignored', () => {
  const sender = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  sender.post({ ...record, revision: '2' });
  sender.post({ hello: 1 } as any);
  expect(got).not.toHaveBeenCalled();
});

it('where BroadcastChannel is missing, posting and listening do nothing and do not throw', () => {
  const sync = createSync(config, {} as Window);
  expect(() => {
    sync.post(record);
    sync.listen(() => {});
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
