/**
 * Leak corpus, part 1: before any decision, after "Reject all" and after a reload, nothing reaches a tracker and
 * no tracking cookie is written; the session cookie stays. Known limits are asserted as limits (they DO reach the
 * tracker), so the day they change, the table and the README must change with them.
 * Parts 2 and 3: leaks-accept.test.ts (consent brings every tracker back) and leaks-analytics.test.ts (one category).
 */
import type { Browser } from 'playwright-core';
import { corpusFiles, FORMS, pages } from './corpus/pages';
import {
  api,
  bannerButton,
  click,
  fire,
  leaks,
  limits,
  nevers,
  none,
  reload,
  session,
  trackingCookies,
  visit,
} from './corpus/scenario';
import { launch, type Served, serve } from './harness';

let browser: Browser;
let site: Served;
beforeAll(async () => {
  browser = await launch();
  site = await serve(corpusFiles());
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.each(pages.map((p, i) => [p.name, p, i] as const))('%s', (_name, p, i) => {
  // Half the pages decide with the banner's button, half with the API: both must end in the same state.
  const byBanner = i % 2 === 0;
  test.concurrent.each(FORMS)(
    `the %s form sends nothing to trackers before a decision, after Reject all (${byBanner ? 'banner' : 'API'}) and after a reload`,
    async (form) => {
      const v = await visit(browser, site, p, form);
      try {
        const check = async (when: string, view: boolean) => {
          none(`${when}: requests to trackers`, leaks(v.net, p, form).concat(nevers(v.net, p)));
          // Limits are per page load: checked on the loads, not after a decision on the same page.
          if (view) none(`${when}: known limits`, limits(v.net, p, form));
          none(`${when}: tracking cookies`, await trackingCookies(v.context, p));
          none(when, await session(v.context));
        };
        await check('before any decision', true);

        v.net.reset();
        if (byBanner) await bannerButton(v.page, 'Reject all');
        else await api(v.page, 'rejectAll');
        await fire(v.page);
        await click(v.page, p);
        await v.page.waitForTimeout(300);
        await check('after Reject all', false);

        v.net.reset();
        await reload(v, p);
        await check('after Reject all and a reload', true);
        none('page errors', v.errors);
      } finally {
        await v.close();
      }
    },
  );
});
