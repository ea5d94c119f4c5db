/**
 * `consentry/mark`: the HTML rewriting core. Every static tag that would load a tracker becomes the marked form the
 * loader re-activates on consent; every other byte stays as it was. Pure TypeScript on parse5's tokenizer: no DOM,
 * no Node API, so the same code runs in Node, in a build and in a service worker.
 *
 *   import { markHtml } from 'consentry/mark';
 *   const html = markHtml(page, { rules: [{ match: 'cdn.example-tracker.com', category: 'analytics' }] });
 */

export type { Config } from '../core/types';
export { createMarker, createMarkStream, type Marker, type MarkOptions, markHtml } from './marker';
export { IGNORE_ATTRIBUTE, type MarkedTag } from './tag';
