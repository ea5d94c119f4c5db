// @vitest-environment node
import { audit, summarise } from '../../src/node/audit';
import type { PageResult, PhaseResult } from '../../src/node/audit-types';

const phase = (leaks: number, unknownHost?: string): PhaseResult => ({
  phase: 'before',
  label: 'before consent',
  record: null,
  requests: unknownHost
    ? [
        {
          url: `https://${unknownHost}/`,
          host: unknownHost,
          method: 'GET',
          initiatorType: 'image',
          time: 1,
          vendor: unknownHost,
          status: 'unknown',
        },
      ]
    : [],
  cookies: [],
  heldBack: [],
  leaks,
});
const page = (phases: PhaseResult[], error?: string): PageResult => ({
  url: 'https://shop.example/',
  durationMs: 1,
  phases,
  console: [],
  ...(error && { error }),
});

describe('summarise', () => {
  it('passes with exit code 0 when no phase counted a leak', () => {
    expect(summarise([page([phase(0), phase(0)])])).toMatchObject({ verdict: 'pass', exitCode: 0, leaks: 0 });
  });

  it('fails with exit code 1 on a leak, even when another page could not be audited', () => {
    expect(summarise([page([phase(2)]), page([], 'no loader')])).toMatchObject({
      verdict: 'leak',
      exitCode: 1,
      leaks: 2,
    });
  });

  it('is incomplete with exit code 2 when a page could not be audited and nothing leaked', () => {
    expect(summarise([page([phase(0)]), page([], 'no loader')])).toMatchObject({ verdict: 'incomplete', exitCode: 2 });
  });

  it('lists each unknown host once, with a closed rule and an allow entry to choose from', () => {
    expect(
      summarise([page([phase(1, 'px.b.example'), phase(1, 'px.a.example')]), page([phase(1, 'px.a.example')])]).unknown,
    ).toEqual({
      hosts: ['px.a.example', 'px.b.example'],
      rules: [
        { match: 'px.a.example', category: 'marketing', vendor: 'px.a.example' },
        { match: 'px.b.example', category: 'marketing', vendor: 'px.b.example' },
      ],
      allow: ['px.a.example', 'px.b.example'],
    });
  });
});

describe('the audit command', () => {
  const run = async (...argv: string[]) => {
    let out = '',
      err = '';
    const code = await audit(argv, { out: (line) => (out += line + '\n'), err: (line) => (err += line + '\n') });
    return { code, out, err };
  };

  it('prints its usage for --help, with exit code 0', async () => {
    expect(await run('--help')).toEqual({
      code: 0,
      out: expect.stringMatching(/^consentry audit <url> \[--pages/),
      err: '',
    });
  });

  it.each([
    [['--timeout', 'soon', 'http://x.example/'], 'consentry audit: --timeout must be a whole number ≥ 1, got "soon"\n'],
    [['a', 'b'], expect.stringMatching(/^consentry audit: one URL, got 2\. Usage: /)],
    [['http://[oops/'], 'consentry audit: not a URL: "http://[oops/"\n'],
  ])('refuses %j with one line and exit code 2', async (argv, line) => {
    expect(await run(...argv)).toEqual({ code: 2, out: '', err: line });
  });
});
