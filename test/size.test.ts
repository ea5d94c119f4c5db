// The byte gate, run by every `npm test`. Sizes gate CI; timings never do (machines are noisy), so the timing
// figures live in `npm run bench` only.
//
// docs/architecture.md budgets the loader at 10 kB gzip and the UI chunk with one language file at 7.5 kB. Until
// the build meets them, the interim CEILING fails CI on any growth, and each budget test is `it.fails`: the day a
// budget is met, its test passes, `it.fails` turns that into a failure, and the gate must be switched to the budget.
import { BUDGET, CEILING, consentrySizes } from './bench/sizes.js';

const kB = (n: number) => `${(n / 1024).toFixed(2)} kB`;

describe('the size gate (gzip -9 of dist/)', () => {
  // consentrySizes() throws "run `npm run build`" when dist/ is missing: a failure, never a silent skip.
  const sizes = () => consentrySizes();

  it('the loader stays within its interim ceiling of 13 kB gzip', () => {
    const { loader } = sizes();
    expect(loader.gzip, `dist/consentry.js is ${kB(loader.gzip)} gzip, over its ceiling`).toBeLessThanOrEqual(
      CEILING.loader,
    );
  });

  it('loader, UI chunk and the largest language file stay within 22 kB gzip', () => {
    const { loader, ui, lang, total } = sizes();
    expect(
      total.gzip,
      `loader ${loader.gzip} + UI ${ui.gzip} + language ${lang.gzip} = ${kB(total.gzip)} gzip, over the ceiling`,
    ).toBeLessThanOrEqual(CEILING.total);
  });

  it.fails('the loader is within its 10 kB budget (not met yet)', () => {
    expect(sizes().loader.gzip).toBeLessThanOrEqual(BUDGET.loader);
  });

  it.fails('the UI chunk with the largest language file is within its 7.5 kB budget (not met yet)', () => {
    const { ui, lang } = sizes();
    expect(ui.gzip + lang.gzip).toBeLessThanOrEqual(BUDGET.uiWithLanguage);
  });
});
