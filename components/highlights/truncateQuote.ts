/** Shortens a quote for a list at a word boundary, with an ellipsis; whitespace runs become single spaces. */
export function truncateQuote(quote: string, max = 180): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  // Cut at a word when one ends reasonably late; a single giant "word" (a URL) is cut where it is.
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}
