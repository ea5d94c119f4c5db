import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTagDescriptor, Plugin } from 'vite';
import type { Config } from '../core/types';
import { markHtml } from '../mark/index';
import { consentryMiddleware } from './middleware';

/**
 * `consentry/vite`: a Vite site needs no other step.
 *
 *   import consentry from 'consentry/vite';
 *   export default { plugins: [consentry({ config: { rules: [...] } })] };
 *
 * - Every HTML page is marked: the pages Vite builds (after Vite has written its own tags into them), HTML that
 *   other plugins emit, HTML copied from `public/`, and in the dev server every `text/html` response.
 * - The loader, its UI and later chunks and language files are emitted beside the pages (`<base>consentry.js`...)
 *   and served by the dev server, and a page without the loader gets it as the first thing in `<head>`, with
 *   `config` as its JSON config block: the page and the build then decide every URL with the same config.
 */
export interface ConsentryViteOptions {
  /** The config the loader gets, and the rewriter decides with. */
  config?: Config;
  /** Add the loader (and the config block) to pages that lack it. Default true. */
  inject?: boolean;
}

/** The files the loader fetches from its own base URL, next to the plugin in the package's dist/. */
// (Not `new URL('..', import.meta.url)`: bundlers rewrite that pattern into an asset of their own.)
const DIST = join(dirname(fileURLToPath(import.meta.url)), '..');
function loaderFiles(): { name: string; body: Buffer }[] {
  if (!existsSync(join(DIST, 'consentry.js')))
    throw new Error(`Consentry: ${join(DIST, 'consentry.js')} is missing; the package's dist/ is incomplete.`);
  // The loader, its UI and later chunks and one consentry-<lang>.js per language.
  const names = readdirSync(DIST).filter((f) => /^consentry(?:-[\w-]+)?\.js$/.test(f));
  return names.map((name) => ({ name, body: readFileSync(join(DIST, name)) }));
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

export default function consentry(options: ConsentryViteOptions = {}): Plugin {
  const { config, inject = true } = options;
  let base = '/';
  let outDir = 'dist';
  let build = false;
  let loaded: { name: string; body: Buffer }[] | undefined;
  const loader = () => (loaded ||= loaderFiles());

  return {
    name: 'consentry',
    configResolved(resolved) {
      base = resolved.base.endsWith('/') ? resolved.base : resolved.base + '/';
      outDir = resolve(resolved.root, resolved.build.outDir);
      build = resolved.command === 'build';
    },
    configureServer(server) {
      const files = loader();
      server.middlewares.use((req, res, next) => {
        const path = (req.url || '').split('?')[0];
        const file = path.startsWith(base) && files.find((f) => f.name === path.slice(base.length));
        if (!file) return next();
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-cache' });
        res.end(file.body);
      });
      server.middlewares.use(consentryMiddleware({ config }));
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags: HtmlTagDescriptor[] = [];
        if (inject && !html.includes('consentry.js')) {
          if (config && !html.includes('consentry-config'))
            tags.push({
              tag: 'script',
              attrs: { type: 'application/json', id: 'consentry-config' },
              // JSON in a script: "<" escaped, so no "</script>" can end the block early.
              children: JSON.stringify(config).replace(/</g, '\\u003c'),
              injectTo: 'head-prepend',
            });
          tags.push({ tag: 'script', attrs: { src: base + 'consentry.js' }, injectTo: 'head-prepend' });
        }
        return { html: markHtml(html, config), tags };
      },
    },
    generateBundle(_, bundle) {
      for (const f of loader()) this.emitFile({ type: 'asset', fileName: f.name, source: f.body });
      // HTML that another plugin emitted as an asset.
      for (const asset of Object.values(bundle))
        if (asset.type === 'asset' && asset.fileName.endsWith('.html') && typeof asset.source === 'string')
          asset.source = markHtml(asset.source, config);
    },
    async closeBundle() {
      if (!build) return;
      // Pages copied from public/ skip every hook: marked where they were written (marking twice changes nothing).
      // Read one byte per character, so a page in any ASCII-compatible charset is written back byte for byte.
      for (const file of await htmlFiles(outDir)) {
        const html = await readFile(file, 'latin1');
        const marked = markHtml(html, config);
        if (marked !== html) await writeFile(file, marked, 'latin1');
      }
    },
  };
}
