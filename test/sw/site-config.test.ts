// @vitest-environment node
/**
 * Where the worker's config comes from (src/sw/site-config.ts, held by src/sw/shield.ts): the `consentry` parameter
 * of its own URL, the latest page message, what it kept, or none (the built-in catalogue, closed defaults).
 */
import { resolveConfig } from '../../src/core/config';
import { SHIELD_CONSENT, SHIELD_PARAMETER, shieldConfig } from '../../src/core/shield-contract';
import { fakeWorker, messageEvent, ORIGIN } from './worker';

const SITE_TRACKER = 'https://stats.example.net/hit';
const PIXEL = 'https://www.facebook.com/tr?id=1';
const withRule = { rules: [{ match: 'stats.example.net', category: 'analytics' }] };
const workerUrl = (json: string) => `${ORIGIN}/consentry-sw.js?${SHIELD_PARAMETER}=${encodeURIComponent(json)}`;

afterEach(() => vi.restoreAllMocks());

it("the config in the worker's URL is the one it judges by", () => {
  const configured = fakeWorker({ href: workerUrl(JSON.stringify(withRule)) });
  expect(configured.shield.matcher().url(SITE_TRACKER)).toEqual({ category: 'analytics', vendor: 'stats.example.net' });
  // Control: without it, the site's own rule is unknown.
  expect(fakeWorker().shield.matcher().url(SITE_TRACKER)).toBeUndefined();
});

it('the URL carries what the loader builds with shieldConfig, read back as the loader resolved it', () => {
  const page = resolveConfig({ ...withRule, revision: '7', consentMode: 'advanced', allow: ['www.facebook.com/tr'] });
  const { shield } = fakeWorker({ href: workerUrl(JSON.stringify(shieldConfig(page))) });
  const { config } = shield.site();
  expect(config.revision).toBe('7');
  expect(config.consentMode).toBe('advanced');
  expect(config.rules).toEqual(page.rules);
  expect(shield.matcher().url(PIXEL)).toBeUndefined();
});

it('a parameter that is not JSON leaves the built-in catalogue in force, with one console error', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { shield } = fakeWorker({ href: workerUrl('{rules: [') });
  expect(shield.matcher().url(PIXEL)).toEqual({ category: 'marketing', vendor: 'Meta Pixel' });
  expect(error).toHaveBeenCalledTimes(1);
  expect(error.mock.calls[0][0]).toMatch(
    /^Consentry shield: the "consentry" parameter of the worker's URL is not JSON/,
  );
});

it('a bad key logs the loader’s one error and falls back to its closed default', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  const { shield } = fakeWorker({ href: workerUrl(JSON.stringify({ rules: 'stats.example.net', revision: '3' })) });
  expect(shield.site().config.revision).toBe('3');
  expect(shield.matcher().url(PIXEL)?.category).toBe('marketing');
  expect(error).toHaveBeenCalledTimes(1);
  expect(error.mock.calls[0][0]).toMatch(/^Consentry config: "rules" must be an array/);
});

it('no config at all: the built-in catalogue with the defaults', async () => {
  const { shield } = fakeWorker();
  await shield.ready;
  expect(shield.site().config.revision).toBe('1');
  expect(shield.matcher().url(PIXEL)?.category).toBe('marketing');
});

it("a page message's config replaces the one in effect, and is kept", async () => {
  const worker = fakeWorker();
  const message = messageEvent({ type: SHIELD_CONSENT, record: null, config: withRule });
  worker.shield.message(message.event);
  await message.settled();
  expect(worker.shield.matcher().url(SITE_TRACKER)?.category).toBe('analytics');
  expect(worker.keep.kept.config).toEqual(withRule);
});

it('a worker imported without the parameter judges by the config it kept', async () => {
  const imported = fakeWorker({ href: `${ORIGIN}/site-worker.js`, kept: { config: withRule } });
  await imported.shield.ready;
  expect(imported.shield.matcher().url(SITE_TRACKER)?.category).toBe('analytics');
});

it("the worker's URL wins over an older kept config when it starts", async () => {
  const kept = { config: { revision: 'old' } };
  const registered = fakeWorker({ href: workerUrl(JSON.stringify({ revision: 'new' })), kept });
  await registered.shield.ready;
  expect(registered.shield.site().config.revision).toBe('new');
});
