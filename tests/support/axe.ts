import axe from 'axe-core';

/**
 * Serious and critical axe-core violations in a rendered subtree. Rules jsdom cannot evaluate are off: color-contrast
 * needs layout and computed colours jsdom does not compute (the e2e scan in Chromium covers it).
 */
async function serious(root: Element): Promise<axe.Result[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'] });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const targets = (v: axe.Result) => v.nodes.map((n) => n.target.join(' ')).join(', ');

/** The serious and critical violations, one line each ("button-name: Buttons must have discernible text (button)"). */
export async function seriousViolations(root: Element): Promise<string[]> {
  return (await serious(root)).map((v) => `${v.id}: ${v.help} (${targets(v)})`);
}

/** Fails on any serious or critical violation, listing each with its impact ("button-name (critical): button"). */
export async function expectAccessible(root: Element): Promise<void> {
  const found = (await serious(root)).map((v) => `${v.id} (${v.impact}): ${targets(v)}`);
  if (found.length > 0) throw new Error(`axe found serious violations:\n${found.join('\n')}`);
}
