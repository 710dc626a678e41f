/** An entity's id: its type and its name folded to ASCII-ish lower case ("person:vladimir-putin"), 'x' when empty. */
export function entityId(type: string, ...names: string[]): string {
  for (const name of names) {
    const s = slug(name);
    if (s) return `${type}:${s}`;
  }
  return `${type}:x`;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}
