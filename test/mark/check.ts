/**
 * What every rewriter test asserts about an output, whatever the input: outside the tags it reports as marked, the
 * output is the input byte for byte; marking the output again changes nothing; and the streaming form, fed in any
 * chunks, writes exactly what the string form writes.
 */
import { expect } from 'vitest';
import type { Config } from '../../src/core/types';
import { createMarker, type MarkedTag, type MarkOptions, markHtml } from '../../src/mark/index';

export interface Marked {
  html: string;
  marked: MarkedTag[];
}

export function mark(input: string, config?: Config, options?: MarkOptions): Marked {
  const marker = createMarker(config, options);
  const html = marker.push(input) + marker.end();
  return { html, marked: marker.marked };
}

/** Fed in the given chunk lengths (cycled), as a server would. */
export function markInChunks(input: string, sizes: number[], config?: Config): string {
  const marker = createMarker(config);
  let out = '';
  for (let i = 0, k = 0; i < input.length; k++) {
    const n = sizes[k % sizes.length];
    out += marker.push(input.slice(i, i + n));
    i += n;
  }
  return out + marker.end();
}

/**
 * Outside the marked tags, `output` is `input` exactly; each marked tag is rewritten as that tag alone would be.
 * Returns the rewritten tags, for assertions on their form.
 */
export function onlyMarkedTagsChanged(input: string, { html: output, marked }: Marked, config?: Config): string[] {
  const tags: string[] = [];
  let i = 0;
  let o = 0;
  for (const m of marked) {
    expect(input.slice(m.offset, m.offset + m.source.length)).toBe(m.source);
    const between = input.slice(i, m.offset);
    expect(output.slice(o, o + between.length), `unchanged text before ${m.source}`).toBe(between);
    o += between.length;
    const rewritten = markHtml(m.source, config);
    expect(output.slice(o, o + rewritten.length), `the marked form of ${m.source}`).toBe(rewritten);
    expect(rewritten).not.toBe(m.source);
    tags.push(rewritten);
    o += rewritten.length;
    i = m.offset + m.source.length;
  }
  expect(output.slice(o), 'unchanged text after the last marked tag').toBe(input.slice(i));
  return tags;
}

/** The three properties every case must have. Returns the rewritten tags. */
export function checkAll(input: string, config?: Config): { html: string; marked: MarkedTag[]; tags: string[] } {
  const result = mark(input, config);
  const tags = onlyMarkedTagsChanged(input, result, config);
  expect(markHtml(result.html, config), 'marking twice equals marking once').toBe(result.html);
  expect(markInChunks(input, [1], config), 'one character at a time').toBe(result.html);
  expect(markInChunks(input, [7, 3, 64], config), 'uneven chunks').toBe(result.html);
  return { ...result, tags };
}
