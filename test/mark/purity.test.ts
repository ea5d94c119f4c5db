// @vitest-environment node
/**
 * The rewriting core must run in Node, in a build and in a service worker: nothing it imports, however indirectly,
 * may reach a Node module, and the only package it may use is parse5 (itself pure).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../src');

/** Every module src/mark/index.ts reaches, and every bare import among them. */
function graph(entry: string) {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec) + '.ts');
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...seen].map((f) => relative(SRC, f)).sort(), packages: [...packages].sort() };
}

test('src/mark reaches no Node module and no package but parse5', () => {
  const { files, packages } = graph(join(SRC, 'mark/index.ts'));
  expect(packages).toEqual(['parse5']);
  expect(files.filter((f) => !/^(mark|catalogue|core|signals)\//.test(f))).toEqual([]);
});

test('no module of the core touches process, Buffer, require or the DOM at load', () => {
  const { files } = graph(join(SRC, 'mark/index.ts'));
  for (const f of files.filter((x) => x.startsWith('mark/'))) {
    const source = readFileSync(join(SRC, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source, f).not.toMatch(/\b(process|Buffer|require|window|document|globalThis)\b/);
  }
});
