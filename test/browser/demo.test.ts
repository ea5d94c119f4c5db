/**
 * The demo shop (`npm run demo`), as a visitor meets it: served by demo/server.js through the middleware, it sends
 * nothing to any third party before a decision, its panel lists what the server marked, and it fits a 390 px phone.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launch, trackers, waitQuiet } from './harness';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
let browser: Browser;
let server: ChildProcess;
let origin: string;

beforeAll(async () => {
  browser = await launch();
  server = spawn(process.execPath, ['demo/server.js'], { cwd: ROOT, env: { ...process.env, PORT: '0' } });
  origin = await new Promise<string>((ok, fail) => {
    let out = '';
    server.stdout!.on('data', (d) => {
      out += d;
      const port = /localhost:(\d+)/.exec(out)?.[1];
      if (port) ok(`http://127.0.0.1:${port}`);
    });
    server.once('exit', (code) => fail(new Error(`demo/server.js exited (${code}): ${out}`)));
  });
});
afterAll(async () => {
  await browser?.close();
  server?.kill();
});

async function open(viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport, isMobile: true, hasTouch: true } : {});
  const net = await trackers(context);
  const page = await context.newPage();
  await page.goto(origin + '/');
  await waitQuiet(page, 300);
  return { context, net, page };
}

test('the shop sends no request to any third party before the visitor decides', async () => {
  const { context, net, page } = await open();
  try {
    // The control: the page does reach the vendors once the visitor accepts.
    expect(net.hits.map((h) => h.url)).toEqual([]);
    await page.locator('#consentry-root').getByRole('button', { name: 'Accept all', exact: true }).click();
    await net.waitFor('www.googletagmanager.com/gtag/js');
  } finally {
    await context.close();
  }
});

test("the panel lists the static tags the server marked, read from the server's JSON", async () => {
  const { context, page } = await open();
  try {
    await page.waitForFunction(() => document.querySelectorAll('#marked li').length > 0);
    const items = await page.locator('#marked li').allInnerTexts();
    expect(items.map((t) => t.split(' (')[0])).toEqual([
      '<script> Google Analytics',
      '<img> Meta Pixel',
      '<iframe> YouTube',
      '<img> LinkedIn',
    ]);
    expect(await page.locator('#marked-count').textContent()).toBe('4');
  } finally {
    await context.close();
  }
});

test('on a 390 px phone screen nothing overflows sideways, and the banner fits', async () => {
  const { context, page } = await open({ width: 390, height: 844 });
  try {
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      wider: [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap, .record, .log'))
        .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')),
    }));
    expect(widths).toEqual({ page: 390, viewport: 390, wider: [] });
    const banner = await page
      .locator('#consentry-root')
      .getByRole('button', { name: 'Reject all', exact: true })
      .boundingBox();
    expect(banner && banner.x >= 0 && banner.x + banner.width <= 390).toBe(true);
  } finally {
    await context.close();
  }
});
