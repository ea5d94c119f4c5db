/**
 * The worker's live consent (src/sw/consent.ts, held by src/sw/shield.ts): it reads the consent cookie exactly as the
 * loader does, hears the pages' messages, keeps the latest across restarts, and the newest word wins. Cookie values
 * are written by the loader's own writer, so they are what a real jar holds.
 */
import { resolveConfig } from '../../src/core/config';
import { writeRecord } from '../../src/core/record';
import { SHIELD_ACK, SHIELD_CONSENT } from '../../src/core/shield-contract';
import type { ConsentRecord } from '../../src/core/types';
import { createShield } from '../../src/sw/shield';
import { consentRecord } from '../fixtures/record';
import { fakeWorker, messageEvent } from './worker';

const config = resolveConfig({});
const at = (minute: number) => `2025-06-01T10:${String(minute).padStart(2, '0')}:00.000Z`;

/** The consent cookie's value as the jar holds it after the loader wrote `record`. */
function cookieValue(record: ConsentRecord): string {
  writeRecord(config, record);
  const value = document.cookie
    .split('; ')
    .find((pair) => pair.startsWith('consentry='))!
    .slice('consentry='.length);
  document.cookie = 'consentry=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  return value;
}

async function allowedNow(worker: ReturnType<typeof fakeWorker>, category: string): Promise<boolean> {
  return (await worker.shield.live())(category);
}

async function tell(worker: ReturnType<typeof fakeWorker>, record: ConsentRecord | null, configInput: unknown = {}) {
  const message = messageEvent({ type: SHIELD_CONSENT, record, config: configInput });
  worker.shield.message(message.event);
  await message.settled();
  return message.answers;
}

beforeEach(() => (window as any).happyDOM.setURL('https://shop.example/'));

describe('the consent cookie', () => {
  it('a valid consent cookie allows what it says', async () => {
    const worker = fakeWorker({ cookies: [cookieValue(consentRecord({ analytics: true }))] });
    expect(await allowedNow(worker, 'analytics')).toBe(true);
    expect(await allowedNow(worker, 'marketing')).toBe(false);
  });

  it('a tampered cookie value allows nothing but necessary', async () => {
    const value = cookieValue(consentRecord({ analytics: false }));
    const tampered = value.replace('%22analytics%22:false', '%22analytics%22:true');
    expect(tampered).not.toBe(value);
    const worker = fakeWorker({ cookies: [tampered] });
    expect(await allowedNow(worker, 'analytics')).toBe(false);
    expect(await allowedNow(worker, 'necessary')).toBe(true);
  });

  it('of two copies of the cookie, the one decided last counts', async () => {
    const older = cookieValue(consentRecord({ analytics: true }, { updated: at(1) }));
    const newer = cookieValue(consentRecord({ analytics: false }, { updated: at(2) }));
    expect(await allowedNow(fakeWorker({ cookies: [newer, older] }), 'analytics')).toBe(false);
    expect(await allowedNow(fakeWorker({ cookies: [older, newer] }), 'analytics')).toBe(false);
  });

  it('a cookie change is followed: the cookie is read again for each tracker decision', async () => {
    let jar = [cookieValue(consentRecord({ analytics: false }, { updated: at(1) }))];
    const worker = fakeWorker({ cookies: async () => jar });
    expect(await allowedNow(worker, 'analytics')).toBe(false);
    jar = [cookieValue(consentRecord({ analytics: true }, { updated: at(2) }))];
    expect(await allowedNow(worker, 'analytics')).toBe(true);
  });
});

describe('no record', () => {
  it('with no cookie, no message and nothing kept, only necessary is allowed', async () => {
    const worker = fakeWorker({ cookies: [] });
    expect(await allowedNow(worker, 'necessary')).toBe(true);
    for (const category of ['preferences', 'analytics', 'marketing'])
      expect(await allowedNow(worker, category)).toBe(false);
  });

  it('a record for another policy revision allows nothing', async () => {
    const worker = fakeWorker();
    await tell(worker, consentRecord({ analytics: true }), { revision: '2' });
    expect(await allowedNow(worker, 'analytics')).toBe(false);
    // Control: the same record for its own revision.
    await tell(worker, consentRecord({ analytics: true }), { revision: '1' });
    expect(await allowedNow(worker, 'analytics')).toBe(true);
  });
});

describe("the pages' messages", () => {
  it('a message newer than the cookie wins over it', async () => {
    const worker = fakeWorker({ cookies: [cookieValue(consentRecord({ analytics: true }, { updated: at(1) }))] });
    await tell(worker, consentRecord({ analytics: false }, { updated: at(2) }));
    expect(await allowedNow(worker, 'analytics')).toBe(false);
  });

  it('a cookie newer than the last message wins over it', async () => {
    const worker = fakeWorker({ cookies: [cookieValue(consentRecord({ analytics: true }, { updated: at(2) }))] });
    await tell(worker, consentRecord({ analytics: false }, { updated: at(1) }));
    expect(await allowedNow(worker, 'analytics')).toBe(true);
  });

  it('a message is acknowledged on its port once requests are judged by it', async () => {
    const worker = fakeWorker();
    const message = messageEvent({ type: SHIELD_CONSENT, record: consentRecord({ marketing: true }), config: {} });
    worker.shield.message(message.event);
    expect(message.answers).toEqual([]);
    await message.settled();
    expect(message.answers).toEqual([{ type: SHIELD_ACK }]);
    expect(worker.shield.allowedNow('marketing')).toBe(true);
  });

  it('a message that is not a consent message changes nothing and is not answered', async () => {
    const worker = fakeWorker();
    const message = messageEvent({ type: 'something-else', record: consentRecord({ marketing: true }), config: {} });
    worker.shield.message(message.event);
    await message.settled();
    expect(message.answers).toEqual([]);
    expect(await allowedNow(worker, 'marketing')).toBe(false);
  });

  it('a restarted worker without cookieStore knows the last message from what it kept', async () => {
    const first = fakeWorker();
    await tell(first, consentRecord({ analytics: true }));
    const restarted = fakeWorker({ kept: first.keep.kept });
    await restarted.shield.ready;
    expect(restarted.shield.allowedNow('analytics')).toBe(true);
    // Control: a worker with nothing kept.
    const fresh = fakeWorker();
    await fresh.shield.ready;
    expect(fresh.shield.allowedNow('analytics')).toBe(false);
  });

  it('storage that cannot be read counts as nothing kept, with one console error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { scope } = fakeWorker();
    const shield = createShield(scope, { load: () => Promise.reject(new Error('gone')), save: async () => {} });
    await shield.ready;
    expect(shield.allowedNow('necessary')).toBe(true);
    expect(shield.allowedNow('analytics')).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Consentry shield: the kept consent could not be read/);
    vi.restoreAllMocks();
  });
});

describe('Global Privacy Control', () => {
  const gpcBrowser = { globalPrivacyControl: true };
  const acceptAll = consentRecord({ preferences: true, analytics: true, marketing: true }, { method: 'accept-all' });

  it('under GPC a blanket accept-all does not grant marketing, as on the page', async () => {
    const worker = fakeWorker({ navigator: gpcBrowser });
    await tell(worker, acceptAll);
    expect(await allowedNow(worker, 'analytics')).toBe(true);
    expect(await allowedNow(worker, 'marketing')).toBe(false);
  });

  it('a site that does not honour GPC grants what accept-all says', async () => {
    const worker = fakeWorker({ navigator: gpcBrowser });
    await tell(worker, acceptAll, { gpc: false });
    expect(await allowedNow(worker, 'marketing')).toBe(true);
  });
});
