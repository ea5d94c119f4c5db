// @vitest-environment node
/**
 * The `consentry` command line, called as the executable calls it (arguments and an output sink, an exit code back).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, run } from '../../src/node/cli';

const UNMARKED = `<!doctype html><head><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script></head>
<body><iframe src="https://www.youtube.com/embed/x"></iframe><img src="/own.png"></body>`;
const CLEAN = '<!doctype html><p>No trackers here.</p>';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'consentry-cli-'));
  mkdirSync(join(dir, 'site/blog'), { recursive: true });
  writeFileSync(join(dir, 'site/index.html'), UNMARKED);
  writeFileSync(join(dir, 'site/blog/post.html'), CLEAN);
  writeFileSync(join(dir, 'site/app.js'), 'not html');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('--help lists every registered command with its summary', async () => {
  const { code, out } = await cli('--help');
  expect(code).toBe(0);
  const listed = out.split('\n').filter((line) => /^ {2}\w/.test(line));
  expect(listed.map((line) => line.trim().split(/ {2,}/))).toEqual(
    Object.entries(COMMANDS).map(([name, c]) => [name, c.summary]),
  );
});

test('one executable: mark, audit and scan are all its commands', () => {
  expect(Object.keys(COMMANDS)).toEqual(['mark', 'audit', 'scan']);
});

test.each([
  ['audit', /^consentry audit <url> /],
  ['scan', /^consentry scan <url> /],
])('%s --help prints its usage and exits 0, without starting a browser', async (name, usage) => {
  const { code, out, err } = await cli(name, '--help');
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(out).toMatch(usage);
});

test.each(['audit', 'scan'])('%s without a URL exits 2 with one line that ends in the usage', async (name) => {
  const { code, out, err } = await cli(name);
  expect({ code, out }).toEqual({ code: 2, out: '' });
  expect(err.split('\n')).toHaveLength(1);
  expect(err).toMatch(new RegExp(`a URL is needed\\. Usage: consentry ${name} <url>`));
});

test('an unknown command exits 2 and shows the help', async () => {
  const { code, err } = await cli('marc');
  expect(code).toBe(2);
  expect(err).toMatch(/unknown command "marc"[\s\S]*Commands:/);
});

test('mark --check fails on an unmarked page, naming each tracker tag with its line, and changes nothing', async () => {
  const { code, out } = await cli('mark', join(dir, 'site/**/*.html'), '--check');
  expect(code).toBe(1);
  expect(out).toContain(
    `${join(dir, 'site/index.html')}:1:22: unmarked Google Analytics tag: script www.googletagmanager.com/gtag/js?id=G-1 (analytics)`,
  );
  expect(out).toContain(
    `${join(dir, 'site/index.html')}:2:7: unmarked YouTube tag: iframe www.youtube.com/embed/x (marketing)`,
  );
  expect(out).toMatch(/2 unmarked tracker tags in 1 of 2 pages/);
  expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe(UNMARKED);
});

test('mark rewrites in place, one line per page; --check then passes on the rewritten pages', async () => {
  const { code, out } = await cli('mark', join(dir, 'site/**/*.html'));
  expect(code).toBe(0);
  expect(out).toContain(
    `${join(dir, 'site/index.html')}: marked 2: script www.googletagmanager.com/gtag/js?id=G-1 (analytics), iframe www.youtube.com/embed/x (marketing)`,
  );
  expect(out).toContain(`${join(dir, 'site/blog/post.html')}: nothing to mark`);
  expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('data-src="https://www.youtube.com/embed/x"');
  expect(readFileSync(join(dir, 'site/blog/post.html'), 'utf8')).toBe(CLEAN);
  expect((await cli('mark', join(dir, 'site'), '--check')).code).toBe(0);
});

test('mark --out writes the tree below the pattern into another folder and leaves the originals', async () => {
  const out = join(dir, 'marked');
  const { code } = await cli('mark', join(dir, 'site/**/*.html'), '--out', out);
  expect(code).toBe(0);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('type="text/plain" data-consent="analytics"');
  expect(existsSync(join(out, 'blog/post.html'))).toBe(true);
  expect(existsSync(join(out, 'app.js'))).toBe(false);
  expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toBe(UNMARKED);
});

test('mark --config reads the loader config: its rules and allow list decide', async () => {
  const config = join(dir, 'consentry.json');
  writeFileSync(
    config,
    JSON.stringify({ allow: ['www.youtube.com'], rules: [{ match: 'own.example/px', category: 'marketing' }] }),
  );
  writeFileSync(join(dir, 'site/px.html'), '<img src="https://own.example/px?a=1">');
  const { out } = await cli('mark', join(dir, 'site/*.html'), '--config', config, '--check');
  expect(out).not.toContain('YouTube');
  expect(out).toContain('img own.example/px?a=1 (marketing)');
});

test("a config the loader would reject stops the command (exit 2) with the loader's message", async () => {
  const config = join(dir, 'bad.json');
  writeFileSync(config, JSON.stringify({ rules: [{ match: 'x.example', category: 'nope' }] }));
  const { code, err } = await cli('mark', join(dir, 'site'), '--config', config);
  expect(code).toBe(2);
  expect(err).toContain('"rules[0]" must be { "match": host, "category": id }');
});

test('a pattern that matches nothing is reported; no file at all exits 2', async () => {
  const { code, err } = await cli('mark', join(dir, 'nothing/**/*.html'));
  expect(code).toBe(2);
  expect(err).toContain('no HTML file matches');
});
