// `npm run bench:bytes` gives every byte of the minified loader to the source file it came from. These pin down
// how it reads the source map, on maps small enough to check by hand.
import { attribute, decodeMappings, floors, groupOf } from './bench/bytes.js';
import { gzip, ROOT } from './bench/sizes.js';

const map = (mappings: string, sources = ['src/one.ts', 'src/two.ts']) => ({ sources, mappings });

describe("the loader's bytes by part", () => {
  it('decodes each segment to its generated column and its source, the source index counted across lines', () => {
    // AAAA: column 0, source 0. IAAC: column +4. CCAA: column +1, source +1. Next line: ECAA: column 2, source +1;
    // KDAC: column +5, source -1. G: column +3 with no source.
    expect(decodeMappings('AAAA,IAAC,CCAA;ECAA,KDAC,G')).toEqual([
      [
        [0, 0],
        [4, 0],
        [5, 1],
      ],
      [
        [2, 2],
        [7, 1],
        [10, -1],
      ],
    ]);
  });

  it('gives a line that starts with no segment to the source of the line before (a template literal goes on)', () => {
    const code = 'a=`x\ny`;b';
    expect(attribute(code, map('AAAA;ECAA'), ROOT)).toEqual([
      { file: 'src/one.ts', text: 'a=`x\ny`' },
      { file: 'src/two.ts', text: ';b' },
    ]);
  });

  it("counts the bundle's wrapper, which no source maps to, as unmapped", () => {
    const code = '(function(){a})();';
    // YAAA: column 12, source 0; C: column 13, no source.
    expect(attribute(code, map('YAAA,C'), ROOT)).toEqual([
      { file: '(unmapped)', text: '(function(){' },
      { file: 'src/one.ts', text: 'a' },
      { file: '(unmapped)', text: '})();' },
    ]);
  });

  it('groups the files as the report does', () => {
    expect(
      [
        'src/catalogue/catalogue.ts',
        'src/catalogue/matcher.ts',
        'src/block/cookies.ts',
        'src/core/record.ts',
        'src/loader/start.ts',
        'src/signals/gpc.ts',
        'node_modules/js-cookie/dist/js.cookie.mjs',
        'src/ui/mount.tsx',
      ].map(groupOf),
    ).toEqual(['catalogue', 'matcher', 'guards', 'core', 'core', 'signals', 'dependencies', 'other: src/ui/mount.tsx']);
  });

  it('weighs each floor as the gzip of only the bytes it keeps', () => {
    const runs = [
      { file: 'src/block/network.ts', text: 'guard();' },
      { file: 'src/catalogue/catalogue.ts', text: '`hosts`;' },
      { file: 'src/core/record.ts', text: 'read();' },
      { file: 'src/loader/open-button.ts', text: 'draw();' },
    ];
    const gzipped = (text: string) => gzip(Buffer.from(text)).length;
    expect(floors(runs, { 'src/loader/open-button.ts': 'later' }).map((f) => f.gzip)).toEqual([
      gzipped('guard();`hosts`;'),
      gzipped('guard();`hosts`;read();'),
    ]);
  });

  it('refuses a list of later files that names a file the loader does not have', () => {
    expect(() => floors([{ file: 'src/core/record.ts', text: 'read();' }], { 'src/loader/gone.ts': 'moved' })).toThrow(
      /no longer has: src\/loader\/gone.ts/,
    );
  });
});
