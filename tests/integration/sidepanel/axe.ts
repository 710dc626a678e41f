import axe from 'axe-core';

/**
 * Serious and critical axe-core violations in a rendered subtree. Rules jsdom cannot evaluate are off:
 * color-contrast needs layout and computed colours jsdom does not compute (the e2e scan in Chromium covers it).
 */
export async function seriousViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
