// The byte budget of DESIGN.md section 11, enforced on every `npm test`. Sizes gate CI; timings never do
// (machines are noisy), so the timing figures live in `npm run bench` only.
import { BUDGET, consentrySizes } from './bench/sizes.js';

const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;

describe('the size budget (gzip -9 of dist/)', () => {
  // consentrySizes() throws "run `npm run build`" when dist/ is missing: a failure, never a silent skip.
  const sizes = () => consentrySizes();

  it('the loader is at most 6 kB gzip', () => {
    const { loader } = sizes();
    expect(
      loader.gzip,
      `dist/consentry.js is ${loader.gzip} B (${kB(loader.gzip)}) gzip, over its ${kB(BUDGET.loader)} budget`,
    ).toBeLessThanOrEqual(BUDGET.loader);
  });

  it('loader and UI chunk together are at most 14 kB gzip', () => {
    const { loader, ui, total } = sizes();
    expect(
      total.gzip,
      `dist/consentry.js + dist/consentry-ui.js are ${loader.gzip} + ${ui.gzip} = ${total.gzip} B (${kB(total.gzip)}) gzip, ` +
        `over the ${kB(BUDGET.total)} budget`,
    ).toBeLessThanOrEqual(BUDGET.total);
  });
});
