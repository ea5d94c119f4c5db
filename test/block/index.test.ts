import { Window } from 'happy-dom';
import { type BlockerOptions, installBlocker } from '../../src/block/index';
import { guardMarkup } from '../../src/block/markup';

// Every part is replaced by a recorder: these tests are about composition, the parts have their own tests.
const { calls, rec, reactivator, frames } = vi.hoisted(() => {
  const log: string[] = [];
  return {
    calls: log,
    rec: (name: string, ret?: unknown) =>
      vi.fn((realm: any) => {
        log.push(`${name}@${realm.name || 'top'}`);
        return ret;
      }),
    reactivator: { release: vi.fn(), remember: vi.fn() },
    frames: { into: (_realm: any) => {} },
  };
});
const frameInstall = (realm: any) => frames.into(realm);
vi.mock('../../src/block/elements', () => ({ guardElements: rec('elements') }));
vi.mock('../../src/block/markup', () => ({ guardMarkup: rec('markup') }));
vi.mock('../../src/block/network', () => ({ guardNetwork: rec('network') }));
vi.mock('../../src/block/cookies', () => ({ guardCookies: rec('cookies') }));
vi.mock('../../src/block/parser', () => ({ guardParser: rec('parser') }));
vi.mock('../../src/block/frames', () => ({
  guardFrames: vi.fn((realm: any, into: (child: any) => void) => {
    calls.push(`frames@${realm.name || 'top'}`);
    frames.into = into;
  }),
}));
vi.mock('../../src/block/reactivate', () => ({ createReactivator: rec('reactivator', reactivator) }));

const options = (): BlockerOptions => ({
  matcher: { url: () => undefined, cookie: () => undefined, mayNameIn: () => true },
  allowed: () => false,
  report: () => {},
  keep: ['consentry', 'sid'],
  placeholder: vi.fn(),
});

let win: any;
beforeEach(() => {
  calls.length = 0;
  win = new Window();
});
afterEach(() => {
  // Back to the recorders' own implementations (vi.fn(impl) resets to impl), and the console restored.
  vi.resetAllMocks();
  vi.restoreAllMocks();
  win.happyDOM.close();
});

test('the per-realm guards install first, in order, then the page-wide parts once', () => {
  installBlocker(win, options());
  expect(calls).toEqual([
    'elements@top',
    'markup@top',
    'network@top',
    'cookies@top',
    'frames@top',
    'parser@top',
    'reactivator@top',
  ]);
});

test('a same-origin frame handed over by the frames guard gets the per-realm guards only', () => {
  installBlocker(win, options());
  calls.length = 0;
  frameInstall({ name: 'child' });
  expect(calls).toEqual(['elements@child', 'markup@child', 'network@child', 'cookies@child']);
});

test('installing twice on the same window returns the first blocker and installs nothing more', () => {
  const first = installBlocker(win, options());
  calls.length = 0;
  expect(installBlocker(win, options())).toBe(first);
  expect(calls).toEqual([]);
});

test('a frame handed over twice is guarded once', () => {
  installBlocker(win, options());
  const child = { name: 'child' };
  frameInstall(child);
  calls.length = 0;
  frameInstall(child);
  expect(calls).toEqual([]);
});

test('a guard that fails to install is logged once and the others still install', () => {
  const error = vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.mocked(guardMarkup).mockImplementation(() => {
    throw new Error('frozen prototype');
  });
  installBlocker(win, options());
  frameInstall({ name: 'child' });
  expect(error).toHaveBeenCalledOnce();
  expect(calls).toContain('network@top');
  expect(calls).toContain('cookies@child');
});

test('release hands over to the reactivator', () => {
  installBlocker(win, options()).release();
  expect(reactivator.release).toHaveBeenCalledOnce();
});

test('a dormant blocker (everything allowed) patches nothing and only watches the parser for marked tags', () => {
  installBlocker(win, options(), true);
  expect(calls).toEqual(['parser@top', 'reactivator@top']);
});

test('guard() wakes a dormant blocker once: the per-realm guards and the frames guard, then nothing more', () => {
  const blocker = installBlocker(win, options(), true);
  calls.length = 0;
  blocker.guard();
  blocker.guard();
  expect(calls).toEqual(['elements@top', 'markup@top', 'network@top', 'cookies@top', 'frames@top']);
});

test('a marked iframe already in the document and still held gets its placeholder at once', () => {
  const o = options();
  win.document.body.innerHTML = '<iframe data-consent="marketing" data-src="https://ads.test/x"></iframe>';
  installBlocker(win, o);
  expect(o.placeholder).toHaveBeenCalledWith(win.document.querySelector('iframe'));
});

test('an iframe parked later is handed to the placeholder', async () => {
  const { park } = await vi.importActual<typeof import('../../src/block/marker')>('../../src/block/marker');
  const o = options();
  installBlocker(win, o);
  const frame = win.document.createElement('iframe');
  win.document.body.append(frame);
  park(frame, { category: 'marketing', vendor: 'Ads' }, 'src', 'https://ads.test/x');
  expect(o.placeholder).toHaveBeenCalledWith(frame);
});
