// Types for bytes.js, so test/loader-bytes.test.ts can import it under strict TS.
export interface Run {
  /** The source file, relative to the repository, or "(unmapped)". */
  file: string;
  text: string;
}
export interface Part {
  name: string;
  raw: number;
  /** Marginal gzip: gzip of the whole minus gzip of the whole without this part. */
  gzip: number;
}
export function groupOf(file: string): string;
export function decodeMappings(mappings: string): [column: number, source: number][][];
export function attribute(
  code: string,
  map: { sources: string[]; sourceRoot?: string; mappings: string },
  mapDir: string,
): Run[];
export const COULD_RUN_LATER: Record<string, string>;
export interface Floor {
  name: string;
  /** gzip of only the bytes this floor keeps. */
  gzip: number;
}
export function floors(runs: Run[], later?: Record<string, string>): Floor[];
export function loaderBytes(): Promise<{
  whole: { raw: number; gzip: number };
  floors: Floor[];
  dist: 'same' | 'differs' | 'missing';
  groups: (Part & { files: Part[] })[];
}>;
export const LOADER_BYTES_HEAD: string[];
export const LOADER_BYTES_TITLE: string;
export function loaderBytesRows(result: Awaited<ReturnType<typeof loaderBytes>>): string[][];
export const FLOORS_HEAD: string[];
export function floorsTitle(budget: number): string;
export function floorRows(result: { floors: Floor[] }, budget: number): string[][];
