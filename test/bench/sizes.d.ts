// Types for sizes.js, so test/size.test.ts can import the bench's one byte-measuring helper under strict TS.
export interface Sizes {
  raw: number;
  gzip: number;
  brotli: number;
}
export interface GatedFile {
  name: string;
  file: string;
  /** Bytes of gzip (zlib level 9). */
  limit: number;
}
export const ROOT: string;
export const DIST: string;
export const CEILING: { loader: number; ui: number; language: number; serviceWorker: number; later: number };
export const BUDGET: {
  loader: number;
  ui: number;
  language: number;
  uiWithLanguage: number;
  serviceWorker: number;
  later: number;
};
export const CONSENTRY: { loader: string; ui: string };
export const SERVICE_WORKER: string;
export function languageFiles(dist?: string): string[];
export function gatedFiles(dist?: string): GatedFile[];
export function sizeLimitChecks(dist?: string): { name: string; path: string; gzip: true; limit: string }[];
export function gzip(buf: Uint8Array): Buffer;
export function brotli(buf: Uint8Array): Buffer;
export function measure(buf: Uint8Array): Sizes;
export function consentrySizes(): { loader: Sizes; ui: Sizes; lang: Sizes; total: Sizes; serviceWorker: Sizes | null };
export const PEER_FILES: Record<string, string[]>;
export function modulePath(rel: string): string;
export function peerSizes(): Record<string, { files: (Sizes & { file: string })[]; total: Sizes }>;
export function peerVersion(pkg: string): string;
