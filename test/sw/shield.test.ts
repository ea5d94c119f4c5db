// @vitest-environment node
/**
 * The worker's life cycle and events (src/sw/shield.ts, installShield): it takes over at once, follows the consent
 * cookie's changes, and orders its fetch listeners around a site's own.
 */
import { fakeWorker, ORIGIN } from './worker';

const lifeEvent = () => {
  const waits: Promise<unknown>[] = [];
  return { event: { waitUntil: (p: Promise<unknown>) => void waits.push(p) }, settled: () => Promise.all(waits) };
};

it('installing skips waiting, so a new version takes over without every tab being closed', async () => {
  const worker = fakeWorker();
  const skipWaiting = vi.spyOn(worker.scope, 'skipWaiting');
  const install = lifeEvent();
  for (const listener of worker.listeners.install) listener(install.event);
  await install.settled();
  expect(skipWaiting).toHaveBeenCalledTimes(1);
});

it('activating claims the open pages and follows changes of the consent cookie', async () => {
  const subscribe = vi.fn(async () => {});
  const worker = fakeWorker();
  Object.assign(worker.scope.registration, { cookies: { subscribe } });
  const claim = vi.spyOn(worker.scope.clients, 'claim');
  const activate = lifeEvent();
  for (const listener of worker.listeners.activate) listener(activate.event);
  await activate.settled();
  expect(claim).toHaveBeenCalledTimes(1);
  expect(subscribe).toHaveBeenCalledWith([{ name: 'consentry', url: `${ORIGIN}/` }]);
});

it('trackers are judged by the first fetch listener and pages by the last, after those of the importing script', async () => {
  const worker = fakeWorker();
  const site = () => {};
  worker.scope.addEventListener('fetch', site);
  expect(worker.listeners.fetch).toHaveLength(2);
  await Promise.resolve();
  expect(worker.listeners.fetch).toHaveLength(3);
  expect(worker.listeners.fetch[1]).toBe(site);
});
