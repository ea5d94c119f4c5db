/**
 * Leak corpus, part 2: after "Accept all" every tracker on the page runs and its hit arrives, on the page where
 * consent is given (re-activation) and after a reload. A blocker that breaks the site after consent fails too.
 */
import type { Browser } from 'playwright-core';
import { corpusFiles, FORMS, pages } from './corpus/pages';
import {
  api,
  arrivals,
  bannerButton,
  click,
  fire,
  mark,
  marked,
  nevers,
  none,
  reload,
  session,
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
  const byBanner = i % 2 === 1;
  test.concurrent.each(FORMS)(
    `in the %s form, Accept all (${byBanner ? 'banner' : 'API'}) brings every tracker back, and again after a reload`,
    async (form) => {
      const v = await visit(browser, site, p, form);
      try {
        await mark(v.page);
        const earlier = [...v.net.hits];
        v.net.reset();
        if (byBanner) await bannerButton(v.page, 'Accept all');
        else await api(v.page, 'acceptAll');
        // Refused one-shot calls are lost by design: the page makes them again, as it would on its next event.
        if (p.trackers.some((t) => t.sameView === 'refire')) await fire(v.page);
        await click(v.page, p);
        none('same page after Accept all', await arrivals(v, p, ['analytics', 'marketing'], { form, earlier }));
        // Re-activation, not a reload; and the page is still whole (a document.write replayed after load would wipe it).
        const whole = (await v.page.locator('h1').count()) === 1;
        none('same page after Accept all', [
          ...((await marked(v.page)) ? [] : ['the page reloaded instead of re-activating']),
          ...(whole ? [] : ['the page content is gone (document.write after load?)']),
        ]);

        v.net.reset();
        await reload(v, p);
        none('after Accept all and a reload', await arrivals(v, p, ['analytics', 'marketing'], { form }));
        none('after Accept all and a reload', nevers(v.net, p).concat(await session(v.context)));
        none('page errors', v.errors);
      } finally {
        await v.close();
      }
    },
  );
});
