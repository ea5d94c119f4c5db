import axe from 'axe-core';

/**
 * Runs axe on a rendered subtree. happy-dom has no layout, so colour contrast cannot be computed here: that rule
 * is off (the palette's ratios are checked in styles.test.ts, and the browser suite runs axe in Chromium).
 */
export async function violations(node: Element) {
  const result = await axe.run(node, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

/** axe walks the whole subtree in happy-dom: seconds on a busy machine, so its tests get a timeout of their own. */
export const AXE_TIMEOUT = 30_000;
