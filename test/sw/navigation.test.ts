// @vitest-environment node
/**
 * Navigations through the worker (src/sw/navigation.ts): a same-origin HTML page streams through the rewriting core
 * and reaches the browser marked; everything else about the response is the server's.
 */
import { SHIELD_CONSENT, SHIELD_PARAMETER } from '../../src/core/shield-contract';
import { markHtml } from '../../src/mark/index';
import { consentRecord } from '../fixtures/record';
import { fakeWorker, fetchEvent, messageEvent, ORIGIN } from './worker';

const PAGE = `${ORIGIN}/shop/index.html`;
const PIXEL = 'https://www.facebook.com/tr?id=1&ev=PageView';
const HTML = `<!doctype html><html><head><script src="https://www.googletagmanager.com/gtag/js?id=G-1" async></script></head><body><h1>Shop</h1><img src="${PIXEL}" alt=""><img src="/logo.png"></body></html>`;

/** A body that arrives in these chunks, one byte per character (as bytes come off the network). */
const chunked = (chunks: string[], init: ResponseInit = {}) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new Uint8Array(Buffer.from(chunk, 'latin1')));
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/html; charset=utf-8' }, ...init },
  );

const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString('latin1');

async function navigate(response: Response, url = PAGE, options: Parameters<typeof fakeWorker>[0] = {}) {
  const worker = fakeWorker({ ...options, network: async () => response });
  const navigation = fetchEvent(url, { mode: 'navigate' });
  worker.shield.fetch(navigation.event);
  return { worker, navigation, answer: navigation.answer() };
}

it('an HTML page split across chunks, inside its tags, reaches the browser with every tracker tag marked', async () => {
  const cut = [HTML.indexOf('googletag') + 4, HTML.indexOf('facebook') + 3, HTML.indexOf('alt=') + 1];
  const chunks = [HTML.slice(0, cut[0]), HTML.slice(cut[0], cut[1]), HTML.slice(cut[1], cut[2]), HTML.slice(cut[2])];
  const { answer } = await navigate(chunked(chunks));
  const out = await bytesOf(await answer!);
  expect(out).toBe(markHtml(HTML, undefined, { url: PAGE }));
  expect(out).toContain(`data-src="${PIXEL}"`);
  expect(out).toContain('<script type="text/plain" data-consent="analytics"');
  // Control: the page as served loads both.
  expect(HTML).toContain(`<img src="${PIXEL}"`);
});

it("status and headers are the server's, less Content-Length and Content-Encoding", async () => {
  const headers = {
    'content-type': 'text/html',
    'content-length': String(HTML.length),
    'content-encoding': 'gzip',
    'content-security-policy': "default-src 'self'",
    'x-site': 'kept',
  };
  const { answer } = await navigate(chunked([HTML], { status: 201, statusText: 'Made', headers }));
  const response = await answer!;
  expect(response.status).toBe(201);
  expect(response.statusText).toBe('Made');
  expect(Object.fromEntries(response.headers)).toEqual({
    'content-type': 'text/html',
    'content-security-policy': "default-src 'self'",
    'x-site': 'kept',
  });
});

it("every byte outside a marked tag is the server's, in any ASCII-compatible charset", async () => {
  // windows-1252: é is 0xE9, the euro sign 0x80; none of it is valid UTF-8.
  const page = `<meta charset="windows-1252"><p>Caf\xe9 \x80 5</p><img src="${PIXEL}"><p>\xff</p>`;
  const { answer } = await navigate(
    chunked([page], { headers: { 'content-type': 'text/html; charset=windows-1252' } }),
  );
  const out = await bytesOf(await answer!);
  expect(out).toBe(markHtml(page, undefined, { url: PAGE }));
  expect(out).toContain('<p>Caf\xe9 \x80 5</p>');
  expect(out).toContain('<p>\xff</p>');
});

it('relative URLs resolve against the page, so a site rule on its own host marks them', async () => {
  const config = { rules: [{ match: 'shop.example/track/', category: 'analytics' }] };
  const href = `${ORIGIN}/consentry-sw.js?${SHIELD_PARAMETER}=${encodeURIComponent(JSON.stringify(config))}`;
  const { answer } = await navigate(chunked(['<img src="../track/p.gif"><img src="../logo.png">']), PAGE, { href });
  expect(await bytesOf(await answer!)).toBe(
    '<img data-consent="analytics" data-consentry-vendor="shop.example/track/" data-src="../track/p.gif"><img src="../logo.png">',
  );
});

describe('what passes as the server sent it', () => {
  it.each([
    ['a response that is not HTML', () => new Response('{"a":1}', { headers: { 'content-type': 'application/json' } })],
    ['an error page', () => chunked([HTML], { status: 404 })],
    ['a redirect', () => new Response(null, { status: 302, headers: { location: '/elsewhere' } })],
    [
      'an HTML-looking type that is not HTML',
      () => chunked([HTML], { headers: { 'content-type': 'text/html-sandboxed' } }),
    ],
  ])('%s', async (_, response) => {
    const served = response();
    const { answer } = await navigate(served);
    expect(await answer).toBe(served);
  });
});

describe('a navigation to a tracker', () => {
  const config = { rules: [{ match: 'shop.example/ads/', category: 'marketing' }] };
  const href = `${ORIGIN}/consentry-sw.js?${SHIELD_PARAMETER}=${encodeURIComponent(JSON.stringify(config))}`;
  const AD_PAGE = `${ORIGIN}/ads/landing`;

  it('of a refused category is refused with a network error, and never fetched', async () => {
    const { answer, worker, navigation } = await navigate(chunked([HTML]), AD_PAGE, { href });
    expect((await answer!).type).toBe('error');
    expect(worker.fetched).toEqual([]);
    await navigation.settled();
    expect(worker.posted).toEqual([
      { id: 'new-page', message: expect.objectContaining({ kind: 'iframe', url: AD_PAGE, category: 'marketing' }) },
    ]);
  });

  it('of an allowed category is fetched and marked like any page', async () => {
    const worker = fakeWorker({ href, network: async () => chunked([HTML]) });
    const message = messageEvent({ type: SHIELD_CONSENT, record: consentRecord({ marketing: true }), config });
    worker.shield.message(message.event);
    await message.settled();
    const navigation = fetchEvent(AD_PAGE, { mode: 'navigate' });
    worker.shield.fetch(navigation.event);
    expect(await bytesOf(await navigation.answer()!)).toBe(markHtml(HTML, config, { url: AD_PAGE }));
  });
});

it("a site's own fetch listener serves the page, and the shield marks what it served", async () => {
  const worker = fakeWorker({ network: async () => new Response('not this one') });
  const navigation = fetchEvent(PAGE, { mode: 'navigate' });
  worker.shield.fetch(navigation.event);
  navigation.event.respondWith(chunked([HTML]));
  expect(await bytesOf(await navigation.answer()!)).toBe(markHtml(HTML, undefined, { url: PAGE }));
  expect(worker.fetched).toEqual([]);
});

it('a navigation to another origin is left to the browser', () => {
  const { shield } = fakeWorker();
  const navigation = fetchEvent('https://elsewhere.example/', { mode: 'navigate' });
  shield.fetch(navigation.event);
  expect(navigation.answer()).toBeUndefined();
});
