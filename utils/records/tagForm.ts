/** The form a tag is stored in: trimmed, inner whitespace collapsed, no leading "#". Case is kept. */
export function normalizeTag(tag: string): string {
  return tag.replace(/^[\s#]+/, '').replace(/\s+/g, ' ').trim();
}

/** Normalises and de-duplicates a tag list (case-insensitively, first spelling wins). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      out.push(tag);
    }
  }
  return out;
}
