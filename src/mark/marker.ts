import { URL_ATTRIBUTES } from '../catalogue/marked-form';
import type { Config } from '../core/types';
import { type ScanHandler, Scanner, type StartTag } from './scan';
import { NO_BASE, siteOf } from './site';
import { type Judge, type MarkedTag, markTag } from './tag';

export interface MarkOptions {
  /**
   * The page's own URL, so that relative URLs resolve as the browser will resolve them (a site rule may name the
   * site's own host). Without it, only absolute and `//host` URLs can match.
   */
  url?: string;
  /** Called with each tag as it is marked. */
  onMark?(tag: MarkedTag): void;
}

/** The streaming form: chunks in, chunks out. */
export interface Marker {
  /**
   * Rewrites the next chunk of the document and returns the output that is ready: everything up to the start of a
   * tag still unfinished at the end of the chunk, which waits for the next one. Memory is bounded by the largest
   * tag, comment or `<noscript>` run, not by the document.
   */
  push(chunk: string): string;
  /** The input is complete: returns the rest of the output (an unfinished tag at the end is copied as it was). */
  end(): string;
  /** Every tag marked so far, in document order. */
  readonly marked: MarkedTag[];
}

/** What the document's readers share: the page's base URL (a `<base href>` changes it) and the report. */
interface Page {
  url: string;
  baseHref?: string;
  judge: Judge;
  report(tag: MarkedTag): void;
}

/** One reading of the input: the document, or (nested) the content of a `<noscript>` read as markup. */
class Rewriter implements ScanHandler {
  private readonly scanner: Scanner;
  /** The input from `sourceStart` on; before `cursor`, it is in `out` already (as written, or marked). */
  private source = '';
  private sourceStart = 0;
  private cursor = 0;
  private out = '';
  private noscriptContent?: Rewriter;

  constructor(
    private readonly page: Page,
    nested: boolean,
    /** Where this reading's input starts in the document's. */
    private readonly offset = 0,
  ) {
    this.scanner = new Scanner(this, nested);
  }

  push(chunk: string): string {
    this.source += chunk;
    this.scanner.write(chunk, false);
    return this.take(this.scanner.done);
  }

  end(): string {
    this.scanner.write('', true);
    // An unclosed <noscript> at the end of the input: its content is complete too.
    if (this.noscriptContent) this.out += this.noscriptContent.end();
    this.noscriptContent = undefined;
    return this.take(this.sourceStart + this.source.length);
  }

  private copy(to: number): void {
    if (to <= this.cursor) return;
    this.out += this.source.slice(this.cursor - this.sourceStart, to - this.sourceStart);
    this.cursor = to;
  }

  /** Output up to `to`; the input before it is let go (nothing before the last whole token can change). */
  private take(to: number): string {
    this.copy(to);
    this.source = this.source.slice(this.cursor - this.sourceStart);
    this.sourceStart = this.cursor;
    const out = this.out;
    this.out = '';
    return out;
  }

  startTag(tag: StartTag): void {
    if (tag.localName === 'base' && !tag.foreign && !tag.inTemplate && this.page.baseHref === undefined) {
      // The first <base href> sets the document's base URL (resolved against the page's own).
      const href = tag.attrs.find((a) => a.name === 'href')?.value;
      if (href != null)
        try {
          this.page.baseHref = new URL(href.trim(), this.page.url).href;
        } catch {}
    }
    if (!URL_ATTRIBUTES[tag.localName] || tag.inTemplate) return;
    const source = this.source.slice(tag.start - this.sourceStart, tag.end - this.sourceStart);
    const marked = markTag(tag, source, this.page.judge);
    if (!marked) return;
    this.copy(tag.start);
    this.out += marked.html;
    this.cursor = tag.end;
    marked.marked.offset += this.offset;
    this.page.report(marked.marked);
  }

  noscript(open: boolean, at: number): void {
    if (open) this.noscriptContent = new Rewriter(this.page, false, this.offset + at);
    else if (this.noscriptContent) {
      this.out += this.noscriptContent.end();
      this.noscriptContent = undefined;
      this.copy(at);
    }
  }

  noscriptText(start: number, end: number): void {
    this.copy(start);
    this.out += this.noscriptContent!.push(this.source.slice(start - this.sourceStart, end - this.sourceStart));
    this.cursor = end;
  }
}

/** The streaming form, for servers and service workers. `config` is the object the loader accepts. */
export function createMarker(config?: Config, options: MarkOptions = {}): Marker {
  const site = siteOf(config);
  const url = options.url || NO_BASE;
  const marked: MarkedTag[] = [];
  const matcher = site.matcher(url);
  const page: Page = {
    url,
    judge(u) {
      if (page.baseHref)
        try {
          u = new URL(u.trim(), page.baseHref).href;
        } catch {
          return;
        }
      return matcher.url(u);
    },
    report(tag) {
      marked.push(tag);
      options.onMark?.(tag);
    },
  };
  const reader = new Rewriter(page, true);
  return { push: (chunk) => reader.push(chunk), end: () => reader.end(), marked };
}

/** The string form: the whole document in, the whole document out. */
export function markHtml(html: string, config?: Config, options?: MarkOptions): string {
  const marker = createMarker(config, options);
  return marker.push(html) + marker.end();
}

/**
 * The streaming form as a WHATWG `TransformStream` of strings (a service worker pipes a navigation's decoded body
 * through it; `marked` fills as the stream flows).
 */
export function createMarkStream(
  config?: Config,
  options?: MarkOptions,
): TransformStream<string, string> & { readonly marked: MarkedTag[] } {
  const marker = createMarker(config, options);
  const stream = new TransformStream<string, string>({
    transform(chunk, controller) {
      const out = marker.push(chunk);
      if (out) controller.enqueue(out);
    },
    flush(controller) {
      const out = marker.end();
      if (out) controller.enqueue(out);
    },
  });
  return Object.assign(stream, { marked: marker.marked });
}
