/** A rectangle in viewport coordinates (a DOMRect fits). */
export interface ViewportRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where to put in-page UI of `size` for a selection or highlight at `anchor`: centred above it, below it when there is
 * no room above, and always inside the viewport so it never opens off-screen (a selection at the top of the page,
 * a narrow phone-width window).
 */
export function placeToolbar(
  anchor: ViewportRect,
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  gap = 8,
): { x: number; y: number } {
  const centre = (anchor.left + anchor.right) / 2;
  const maxX = Math.max(gap, viewport.width - size.width - gap);
  const x = Math.min(Math.max(centre - size.width / 2, gap), maxX);
  const above = anchor.top - size.height - gap;
  const below = anchor.bottom + gap;
  const fitsBelow = below + size.height + gap <= viewport.height;
  const y = above >= gap || !fitsBelow ? Math.max(above, gap) : below;
  const maxY = Math.max(gap, viewport.height - size.height - gap);
  return { x: Math.round(x), y: Math.round(Math.min(y, maxY)) };
}
