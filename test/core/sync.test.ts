import { resolveConfig } from '../../src/core/config';
import { writeRecord } from '../../src/core/record';
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
const win = { BroadcastChannel: Channel, document } as unknown as Window;
beforeEach(() => {
  Channel.all = [];
  clearCookies();
});

it('a posted record reaches the other tabs, validated against the cookie the deciding tab wrote', () => {
  const sender = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  writeRecord(config, record);
  sender.post(record);
  expect(got).toHaveBeenCalledWith(record);
});

/** A receiving tab that heard `record`, on fake timers so the test can say when the cookie shows up. */
const heard = (sent: typeof record) => {
  vi.useFakeTimers();
  const sender = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  sender.post(sent);
  return got;
};

it('a record whose cookie this tab sees only a moment after the message is applied then', () => {
  try {
    const got = heard(record);
    expect(got).not.toHaveBeenCalled();
    writeRecord(config, record);
    vi.advanceTimersByTime(110);
    expect(got).toHaveBeenCalledWith(record);
  } finally {
    vi.useRealTimers();
  }
});

it('a record whose cookie never comes is ignored for good after two seconds', () => {
  try {
    const got = heard(record);
    vi.advanceTimersByTime(2100);
    writeRecord(config, record);
    vi.advanceTimersByTime(2100);
    expect(got).not.toHaveBeenCalled();
  } finally {
    vi.useRealTimers();
  }
});

it('a well-formed record with no consent cookie behind it is ignored (any script of the origin can post one)', () => {
  const forger = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  forger.post(consentRecord({ analytics: true, marketing: true }));
  expect(got).not.toHaveBeenCalled();
});

it.each([
  ['grants more than the cookie', { categories: { ...record.categories, marketing: true } }],
  ['has another id', { id: '11111111-2222-4333-8444-555555555555' }],
  ['was updated at another time', { updated: '2024-06-01T10:00:00.000Z' }],
])('a well-formed record that %s is ignored', (_, fields) => {
  const forger = createSync(config, win);
  const receiver = createSync(config, win);
  const got = vi.fn();
  receiver.listen(got);
  writeRecord(config, record);
  forger.post({ ...record, ...fields });
  expect(got).not.toHaveBeenCalled();
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
