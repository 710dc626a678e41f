import DOMPurify from 'dompurify';
import { EXTRACT_TAGS } from './sanitizeExtract';

/**
 * DOMPurify with the extract allowlist, for pages that have a window (side panel, library): defence in depth on top
 * of sanitizeExtract, which already ran in the background. Returns null where DOMPurify is unsupported (no DOM).
 */
export function purifyExtract(html: string, win: Window): string | null {
  const purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  if (!purifier.isSupported) return null;
  return purifier.sanitize(html, { ALLOWED_TAGS: [...EXTRACT_TAGS], ALLOWED_ATTR: [], KEEP_CONTENT: true });
}
