// The byte gate, run by every `npm test`. Sizes gate CI; timings never do (machines are noisy), so the timing
// figures live in `npm run bench` only.
//
// DESIGN.md section 11 budgets the loader at 6 kB and loader + UI at 14 kB gzip. The build is not there yet
// (README "Size and speed" says by how much and why), so this gate holds the interim CEILING: any growth fails CI, and
// each saving lowers the ceiling until it meets BUDGET. The budget itself is asserted as unmet below, so the
// day it is met this file fails and must be switched to the budget.
import { BUDGET, CEILING, consentrySizes } from './bench/sizes.js';

const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;

describe('the size gate (gzip -9 of dist/)', () => {
  // consentrySizes() throws "run `npm run build`" when dist/ is missing: a failure, never a silent skip.
  const sizes = () => consentrySizes();

  it('the loader stays within its interim ceiling of 12.75 kB gzip', () => {
    const { loader } = sizes();
    expect(
      loader.gzip,
      `dist/consentry.js is ${kB(loader.gzip)} gzip, over its ${kB(CEILING.loader)} ceiling`,
    ).toBeLessThanOrEqual(CEILING.loader);
  });

  it('loader, UI chunk and the largest language file stay within 21.5 kB gzip', () => {
    const { loader, ui, lang, total } = sizes();
    expect(
      total.gzip,
      `loader ${loader.gzip} + UI ${ui.gzip} + language ${lang.gzip} = ${kB(total.gzip)} gzip, over the ${kB(CEILING.total)} ceiling`,
    ).toBeLessThanOrEqual(CEILING.total);
  });

  it('the DESIGN.md budgets (6 kB loader, 14 kB with the UI) are a known limit, not met yet', () => {
    const { loader, total } = sizes();
    // When this fails, the budget is met: replace CEILING by BUDGET in the two tests above.
    expect(loader.gzip > BUDGET.loader || total.gzip > BUDGET.total).toBe(true);
  });
});
