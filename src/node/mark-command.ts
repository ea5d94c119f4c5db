import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../core/types';
import { type MarkedTag, markHtml } from '../mark/index';
import type { Command, Output } from './cli';
import { validate } from './config-file';
import { findFiles } from './files';

export const MARK_USAGE = `Usage: consentry mark <files, directories or 'quoted/**/*.html' patterns> [options]

Rewrites every static tag that would load a tracker (script, img, iframe, link, source, video...) into the marked
form the Consentry loader re-activates on consent. Everything else stays byte for byte as it was.

Options:
  --out DIR        write the marked pages into DIR (the tree below each pattern's directory kept), not in place
  --config FILE    the JSON config the pages give the loader (rules, allow, categories, consentMode)
  --url ORIGIN     the site's origin (https://example.com), so site rules on its own host match relative URLs
  --check          change nothing; list every unmarked tracker tag and exit 1 if there is one (for a site's CI)
  -h, --help       this text`;

/** `host/path` of a URL as written, short enough for one line. */
const short = (url: string) => {
  const s = url.replace(/^(?:https?:)?\/\//i, '');
  return s.length > 72 ? s.slice(0, 71) + '…' : s;
};
const describe = (m: MarkedTag) => `${m.tag} ${short(m.urls[0])} (${m.categories.join(' ')})`;

/** 1-based line and column of `offset` in `text`. */
function position(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return `${line}:${offset - start + 1}`;
}

/** The config file, validated the loader's way; every complaint is collected (a CI must fail on a typo). */
async function readConfig(file: string, output: Output): Promise<Config | undefined> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    output.err(`consentry mark: cannot read ${file} as JSON: ${(e as Error).message}`);
    return;
  }
  const { errors, warnings } = validate(parsed);
  const problems = [...errors, ...warnings];
  if (!problems.length) return parsed as Config;
  for (const p of problems) output.err(`${file}: ${p}`);
}

export const markCommand: Command = async (argv, output) => {
  let args: ReturnType<typeof parse>;
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        config: { type: 'string' },
        url: { type: 'string' },
        check: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  try {
    args = parse(argv);
  } catch (e) {
    output.err(`consentry mark: ${(e as Error).message}\n\n${MARK_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help) {
    output.out(MARK_USAGE);
    return 0;
  }
  if (!positionals.length) {
    output.err(`consentry mark: name the HTML files to mark.\n\n${MARK_USAGE}`);
    return 2;
  }
  if (values.url && !/^https?:\/\/[^/]+/i.test(values.url)) {
    output.err(`consentry mark: --url must be an http(s) origin, such as https://example.com`);
    return 2;
  }
  let config: Config | undefined;
  if (values.config && !(config = await readConfig(values.config, output))) return 2;

  const { found, missing } = await findFiles(positionals);
  for (const m of missing) output.err(`consentry mark: no HTML file matches ${m}`);
  if (!found.length) return 2;

  let unmarked = 0;
  let pagesWith = 0;
  for (const { file, root } of found) {
    // One byte per character: a page in any ASCII-compatible charset is written back byte for byte.
    const html = await readFile(file, 'latin1');
    const path = relative(root, file).split('\\').join('/');
    const url = values.url ? new URL(path, values.url.replace(/\/?$/, '/')).href : undefined;
    const marked: MarkedTag[] = [];
    const out = markHtml(html, config, { url, onMark: (m) => marked.push(m) });
    if (marked.length) pagesWith++;
    if (values.check) {
      unmarked += marked.length;
      for (const m of marked)
        output.out(`${file}:${position(html, m.offset)}: unmarked ${m.vendor} tag: ${describe(m)}`);
      continue;
    }
    const target = values.out ? join(values.out, path) : file;
    if (values.out || out !== html) {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, out, 'latin1');
    }
    output.out(
      marked.length
        ? `${target}: marked ${marked.length}: ${marked.map(describe).join(', ')}`
        : `${target}: nothing to mark`,
    );
  }
  const pages = `${found.length} page${found.length === 1 ? '' : 's'}`;
  if (values.check) {
    output.out(
      unmarked
        ? `consentry mark --check: ${unmarked} unmarked tracker tag${unmarked === 1 ? '' : 's'} in ${pagesWith} of ${pages}; run \`consentry mark\` on them.`
        : `consentry mark --check: ${pages} checked, no unmarked tracker tag.`,
    );
    return unmarked ? 1 : 0;
  }
  return 0;
};
