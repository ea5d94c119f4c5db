import type { Match, Matcher } from '../../src/catalogue/matcher';
import type { BlockedItem } from '../../src/core/types';

// gate.ts logs a guard failure once per page: each test gets a fresh copy of the module, so each starts unlogged.
let gateModule: typeof import('../../src/block/gate');
let allowed: Set<string>;
let reports: BlockedItem[];
let error: ReturnType<typeof vi.spyOn>;

const TRACKER = 'https://tracker.test/t.js';
const ANALYTICS: Match = { category: 'analytics', vendor: 'Tracker' };
/** tracker.test is analytics; anything else is unknown. */
const matcher: Matcher = {
  url: (url) => (String(url).startsWith('https://tracker.test/') ? ANALYTICS : undefined),
  cookie: () => undefined,
  // every markup is parsed: these tests judge URLs one by one
  mayNameIn: () => true,
};
const gateWith = (urlMatcher: Matcher['url'] = matcher.url) =>
  gateModule.createGate({
    matcher: { ...matcher, url: urlMatcher },
    allowed: (category) => category == 'necessary' || allowed.has(category),
    report: (item) => reports.push(item),
    keep: ['consentry'],
  });
const broken = () => {
  throw new Error('matcher broke');
};

beforeEach(async () => {
  vi.resetModules();
  gateModule = await import('../../src/block/gate');
  allowed = new Set();
  reports = [];
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('createGate', () => {
  it('holds a URL whose category is not allowed, returning the match', () => {
    expect(gateWith().hold(TRACKER, 'script')).toEqual(ANALYTICS);
  });

  it('reports a held URL once per call', () => {
    const gate = gateWith();
    gate.hold(TRACKER, 'script');
    expect(reports).toHaveLength(1);
    gate.hold(TRACKER, 'fetch');
    expect(reports.map((item) => item.kind)).toEqual(['script', 'fetch']);
  });

  it('lets a URL of an allowed category pass, unreported', () => {
    allowed.add('analytics');
    expect(gateWith().hold(TRACKER, 'script')).toBeUndefined();
    expect(reports).toEqual([]);
  });

  it('lets a URL the matcher does not know pass, unreported', () => {
    expect(gateWith().hold('https://site.test/app.js', 'script')).toBeUndefined();
    expect(reports).toEqual([]);
  });

  it('holds the URL as GUARD_FAILURE and reports it when the matcher throws (fail closed)', () => {
    expect(gateWith(broken).hold('https://site.test/app.js', 'img')).toBe(gateModule.GUARD_FAILURE);
    expect(reports).toMatchObject([{ kind: 'img', url: 'https://site.test/app.js', category: 'marketing' }]);
  });

  it('holds the URL when allowed() throws (fail closed)', () => {
    const gate = gateModule.createGate({
      matcher,
      allowed: () => {
        throw new Error('consent broke');
      },
      report: (item) => reports.push(item),
      keep: [],
    });
    expect(gate.hold(TRACKER, 'script')).toBe(gateModule.GUARD_FAILURE);
  });

  it('holds on a guard failure even when every category is allowed', () => {
    for (const category of ['preferences', 'analytics', 'marketing']) allowed.add(category);
    expect(gateWith(broken).hold('https://site.test/app.js', 'fetch')).toBe(gateModule.GUARD_FAILURE);
  });

  it('logs the first guard failure once, with the error, and stays quiet for the next ones', () => {
    const gate = gateWith(broken);
    gate.hold('https://site.test/a.js', 'script');
    gate.hold('https://site.test/b.js', 'script');
    gateWith(broken).hold('https://site.test/c.js', 'script');
    expect(error).toHaveBeenCalledOnce();
    expect(String(error.mock.calls[0][0])).toMatch(/held the request back \(fail closed\)/);
    expect(error.mock.calls[0][1]).toEqual(new Error('matcher broke'));
    expect(reports).toHaveLength(3);
  });

  it('reports a URL object as its string', () => {
    gateWith().hold(new URL(TRACKER) as unknown as string, 'fetch');
    expect(reports[0].url).toBe(TRACKER);
  });

  it('hands over the matcher, allowed(), report() and the kept cookie names as given', () => {
    const gate = gateWith();
    expect(gate.keep).toEqual(['consentry']);
    expect(gate.allowed('necessary')).toBe(true);
    expect(gate.allowed('analytics')).toBe(false);
    expect(gate.matcher.url(TRACKER)).toEqual(ANALYTICS);
    gate.report({ kind: 'cookie', url: '_ga', category: 'analytics', vendor: 'GA', time: 0 });
    expect(reports).toMatchObject([{ kind: 'cookie', url: '_ga' }]);
  });
});

describe('GUARD_FAILURE', () => {
  it('is an unknown marketing tracker, so nothing short of full consent lets it through', () => {
    expect(gateModule.GUARD_FAILURE).toEqual({ category: 'marketing', vendor: 'unknown (guard error)' });
  });
});

describe('allowsEvery', () => {
  const only =
    (...categories: string[]) =>
    (category: string) =>
      categories.includes(category);

  it('is true when every category of the list is allowed', () => {
    expect(gateModule.allowsEvery(only('analytics', 'marketing'), 'analytics marketing')).toBe(true);
  });

  it('is false when one category of the list is not allowed', () => {
    expect(gateModule.allowsEvery(only('analytics'), 'analytics marketing')).toBe(false);
  });

  it('splits the list on any run of HTML whitespace, ignoring leading and trailing whitespace', () => {
    expect(gateModule.allowsEvery(only('analytics', 'marketing'), '\tanalytics \n\f marketing\r ')).toBe(true);
    expect(gateModule.allowsEvery(only('analytics'), ' analytics\tmarketing ')).toBe(false);
  });

  // `[].every()` is true: without the length check an owner-marked `<script type="text/plain" data-consent="">`
  // would run on page load, before any decision.
  it('is false for a list that names no category (fail closed)', () => {
    expect(gateModule.allowsEvery(only('analytics'), '')).toBe(false);
    expect(gateModule.allowsEvery(only('analytics'), ' \t ')).toBe(false);
  });
});

describe('blockedItem', () => {
  it('records the kind, URL, category, vendor and element, with the time in whole milliseconds since page start', () => {
    vi.spyOn(performance, 'now').mockReturnValue(1234.6);
    const element = document.createElement('img');
    expect(gateModule.blockedItem('img', TRACKER, ANALYTICS, element)).toEqual({
      kind: 'img',
      url: TRACKER,
      category: 'analytics',
      vendor: 'Tracker',
      time: 1235,
      element,
    });
  });

  it('leaves the element undefined for an item that is not an element', () => {
    expect(gateModule.blockedItem('beacon', TRACKER, ANALYTICS).element).toBeUndefined();
  });
});
