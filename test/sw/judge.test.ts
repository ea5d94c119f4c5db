// @vitest-environment node
/**
 * src/sw/judge.ts through the running worker (src/sw/shield.ts): what it leaves to the browser, what it refuses and
 * how, and what it passes on. Node's Response is the WHATWG one a worker has.
 */
import { SHIELD_BLOCKED, SHIELD_CONSENT } from '../../src/core/shield-contract';
import { kindOf } from '../../src/sw/report';
import { consentRecord } from '../fixtures/record';
import { fakeWorker, fetchEvent, messageEvent, ORIGIN } from './worker';

const PIXEL = 'https://www.facebook.com/tr?id=1&ev=PageView';
const ANALYTICS = 'https://www.google-analytics.com/g/collect?v=2';
const OWN = `${ORIGIN}/logo.png`;

/** A worker that knows the consent: the page said `granted` (and nothing else). */
async function deciding(granted: Record<string, boolean>) {
  const worker = fakeWorker();
  const message = messageEvent({ type: SHIELD_CONSENT, record: consentRecord(granted), config: {} });
  worker.shield.message(message.event);
  await message.settled();
  return worker;
}

describe('what the worker leaves to the browser', () => {
  it('a request that is not a tracker gets no respondWith, even with nothing allowed', async () => {
    const { shield } = await deciding({});
    const own = fetchEvent(OWN);
    const tracker = fetchEvent(PIXEL);
    shield.fetch(own.event);
    shield.fetch(tracker.event);
    expect(own.answer()).toBeUndefined();
    expect(tracker.answer()).toBeDefined();
  });

  it('a tracker request of an allowed category gets no respondWith once the worker knows the consent', async () => {
    const { shield } = await deciding({ analytics: true });
    const allowed = fetchEvent(ANALYTICS, { mode: 'cors' });
    const refused = fetchEvent(PIXEL);
    shield.fetch(allowed.event);
    shield.fetch(refused.event);
    expect(allowed.answer()).toBeUndefined();
    expect(refused.answer()).toBeDefined();
  });
});

describe('what the worker refuses', () => {
  it('a refused no-cors tracker request (a pixel, a script, a stylesheet) gets an empty 204', async () => {
    const { shield, fetched } = await deciding({});
    const pixel = fetchEvent(PIXEL, { destination: 'image' });
    shield.fetch(pixel.event);
    const response = await pixel.answer()!;
    expect(response.status).toBe(204);
    expect(await response.text()).toBe('');
    expect(fetched).toEqual([]);
  });

  it('a refused cors tracker request gets a network error', async () => {
    const { shield, fetched } = await deciding({});
    const call = fetchEvent(ANALYTICS, { mode: 'cors' });
    shield.fetch(call.event);
    const response = await call.answer()!;
    expect(response.type).toBe('error');
    expect(response.status).toBe(0);
    expect(fetched).toEqual([]);
  });

  it('a refusal is posted to the client that made the request, with its kind, category and vendor', async () => {
    const { shield, posted } = await deciding({});
    const pixel = fetchEvent(PIXEL, { destination: 'image', clientId: 'tab-7' });
    shield.fetch(pixel.event);
    await pixel.answer();
    await pixel.settled();
    expect(posted).toEqual([
      {
        id: 'tab-7',
        message: { type: SHIELD_BLOCKED, kind: 'img', url: PIXEL, category: 'marketing', vendor: 'Meta Pixel' },
      },
    ]);
  });

  it('a tracker request is refused while the worker has no record at all', async () => {
    const { shield, fetched } = fakeWorker();
    const call = fetchEvent(ANALYTICS, { mode: 'cors' });
    shield.fetch(call.event);
    expect((await call.answer()!).type).toBe('error');
    expect(fetched).toEqual([]);
  });
});

describe('what the worker passes on', () => {
  it('an allowed tracker request that memory cannot confirm yet is fetched by the worker', async () => {
    // A worker just started: its kept state (analytics allowed) is still being read when the request comes.
    const record = consentRecord({ analytics: true });
    const worker = fakeWorker({ kept: { config: {}, record, at: Date.parse(record.updated) } });
    const call = fetchEvent(ANALYTICS, { mode: 'cors' });
    worker.shield.fetch(call.event);
    expect(call.answer()).toBeDefined();
    expect(await (await call.answer()!).text()).toBe('from the network');
    expect(worker.fetched).toEqual([call.event.request]);
  });

  it("a site's own fetch listener after the shield's still answers a request the shield passes on", async () => {
    const record = consentRecord({ analytics: true });
    const worker = fakeWorker({ kept: { config: {}, record, at: Date.parse(record.updated) } });
    const call = fetchEvent(ANALYTICS, { mode: 'cors' });
    worker.shield.fetch(call.event);
    // The site's listener runs next, in the same dispatch.
    call.event.respondWith(new Response('from the cache'));
    expect(await (await call.answer()!).text()).toBe('from the cache');
    expect(worker.fetched).toEqual([]);
  });
});

describe('failing closed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('a matcher that throws on a tracker URL refuses the request, with one console error', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { shield } = await deciding({ marketing: true });
    const matcher = shield.matcher();
    vi.spyOn(shield, 'matcher').mockReturnValue({
      ...matcher,
      url: () => {
        throw new Error('broken table');
      },
    });
    const pixels = [fetchEvent(PIXEL), fetchEvent(PIXEL)];
    for (const pixel of pixels) shield.fetch(pixel.event);
    for (const pixel of pixels) expect((await pixel.answer()!).status).toBe(204);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toMatch(/^Consentry shield: the matcher failed/);
  });

  it('a cookie store that fails refuses a tracker request a page had allowed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let failing = false;
    const worker = fakeWorker({ cookies: async () => (failing ? Promise.reject(new Error('no')) : []) });
    const message = messageEvent({ type: SHIELD_CONSENT, record: consentRecord({ analytics: true }), config: {} });
    worker.shield.message(message.event);
    await message.settled();
    await worker.shield.ready;
    // Control: readable, the page's word stands.
    await expect(worker.shield.live().then((allowed) => allowed('analytics'))).resolves.toBe(true);
    failing = true;
    await expect(worker.shield.live().then((allowed) => allowed('analytics'))).resolves.toBe(false);
    const call = fetchEvent(ANALYTICS, { mode: 'cors' });
    worker.shield.fetch(call.event);
    expect((await call.answer()!).type).toBe('error');
  });
});

describe('the kind a refusal is reported as', () => {
  it.each([
    ['image', false, 'img'],
    ['script', false, 'script'],
    ['style', false, 'link'],
    ['iframe', false, 'iframe'],
    ['frame', false, 'iframe'],
    ['document', false, 'iframe'],
    ['worker', false, 'worker'],
    ['sharedworker', false, 'worker'],
    ['audio', false, 'source'],
    ['video', false, 'source'],
    ['track', false, 'source'],
    ['', false, 'fetch'],
    ['', true, 'beacon'],
    ['font', false, 'fetch'],
  ])('a request for destination "%s" (keepalive %s) is reported as %s', (destination, keepalive, kind) => {
    expect(kindOf({ destination, keepalive } as Request)).toBe(kind);
  });
});
