// Types for sizes.js, so test/size.test.ts can import the bench's one byte-measuring helper under strict TS.
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export const ROOT: string;
export const DIST: string;
export const BUDGET: { loader: number; uiWithLanguage: number };
export const CONSENTRY: { loader: string; ui: string };
export function languageFiles(): string[];
export const CEILING: { loader: number; total: number };
export function gzip(buf: Uint8Array): Buffer;
export function brotli(buf: Uint8Array): Buffer;
export function measure(buf: Uint8Array): Sizes;
export function consentrySizes(): { loader: Sizes; ui: Sizes; lang: Sizes; total: Sizes };
export const PEER_FILES: Record<string, string[]>;
export function modulePath(rel: string): string;
export function peerSizes(): Record<string, { files: (Sizes & { file: string })[]; total: Sizes }>;
export function peerVersion(pkg: string): string;
