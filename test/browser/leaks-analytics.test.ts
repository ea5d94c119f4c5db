/**
 * Leak corpus, part 3: one category at a time. With analytics allowed, analytics trackers run and marketing ones
 * stay silent. Withdrawing a category that ran deletes its cookies and reloads the page; the session cookie stays.
 * Pages with no analytics tracker withdraw marketing instead, so every page exercises a withdrawal.
 */
import type { Browser } from 'playwright-core';
import { type Category, corpusFiles, FORMS, pages } from './corpus/pages';
import {
  api,
  arrivals,
  categoriesOf,
  click,
  fire,
  leaks,
  mark,
  marked,
  nevers,
  none,
  session,
  settle,
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

describe.each(pages.map((p) => [p.name, p] as const))('%s', (_name, p) => {
  const withdrawn: Category = categoriesOf(p).includes('analytics') ? 'analytics' : 'marketing';
  test.concurrent.each(FORMS)(
    `in the %s form, analytics alone lets only analytics through, and withdrawing ${withdrawn} reloads and stops it`,
    async (form) => {
      const v = await visit(browser, site, p, form);
      try {
        const earlier = [...v.net.hits];
        v.net.reset();
        await api(v.page, 'set', { analytics: true });
        if (p.trackers.some((t) => t.sameView === 'refire')) await fire(v.page);
        await click(v.page, p);
        none('analytics allowed: analytics trackers', await arrivals(v, p, ['analytics'], { form, earlier }));
        // Give marketing as much time to (wrongly) show up as analytics had to arrive.
        await v.page.waitForTimeout(300);
        none('analytics allowed: requests to marketing', leaks(v.net, p, form, ['analytics']).concat(nevers(v.net, p)));
        none('analytics allowed: marketing cookies', await trackingCookies(v.context, p, ['analytics']));

        if (withdrawn === 'marketing') {
          await api(v.page, 'set', { marketing: true });
          if (p.trackers.some((t) => t.sameView === 'refire')) await fire(v.page);
          await click(v.page, p);
          none('marketing allowed too', await arrivals(v, p, ['marketing'], { form, earlier }));
        }

        const ran = p.trackers.filter((t) => t.category === withdrawn).flatMap((t) => t.cookies ?? []);
        await mark(v.page);
        const loaded = v.page.waitForEvent('load', { timeout: 10_000 }).then(
          () => true,
          () => false,
        );
        // Deferred so that the evaluate returns before the document it runs in goes away.
        await v.page.evaluate((c) => {
          setTimeout(() =>
            (window as unknown as { consentry: { set(x: object): void } }).consentry.set({ [c]: false }),
          );
        }, withdrawn);
        const reloaded = (await loaded) && !(await marked(v.page));
        none(`${withdrawn} withdrawn`, reloaded ? [] : ['the page did not reload']);
        v.net.reset();
        await settle(v.page, p);
        const names = (await v.context.cookies()).map((c) => c.name);
        none(
          `${withdrawn} withdrawn: cookies left`,
          ran.filter((c) => names.includes(c)).concat(await session(v.context)),
        );
        const still: Category[] = withdrawn === 'analytics' ? [] : ['analytics'];
        none(`after ${withdrawn} withdrawn and the reload: requests`, leaks(v.net, p, form, still));
        none('page errors', v.errors);
      } finally {
        await v.close();
      }
    },
  );
});
