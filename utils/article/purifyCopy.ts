import DOMPurify from 'dompurify';
import { PURIFY_CONFIG } from './sanitizeHtml';

/**
 * A saved copy's HTML as the reader view shows it (issue 17). The copy was sanitised when it was extracted, but it
 * sat in the database and may have come from an imported file: it is sanitised again on every display, with
 * extraction's rules (PURIFY_CONFIG: no forms, frames, objects, styles, event handlers) and stricter URLs (http(s)
 * and mailto links only; no `javascript:`, `data:` or `blob:` anywhere). Images load only when the reader allows
 * remote images: a request for an image tells its site the reader is reading; otherwise each becomes a labelled
 * placeholder. Links open in a new tab without a referrer.
 */
export interface PurifyCopyOptions {
  /** Load images from their sites (the reader's setting). */
  remoteImages: boolean;
}

/** Only absolute http(s) (and mailto for links) survive. */
const SAFE_URL = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE_URL = /^https?:/i;

/** Sanitised HTML of a saved copy, for `win`'s document (DOMPurify needs a real DOM: browsers and jsdom). */
export function purifyCopyHtml(html: string, win: Window, options: PurifyCopyOptions): string {
  const purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  if (!purifier.isSupported) return '';
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    if (el.nodeName === 'A') {
      const href = el.getAttribute('href');
      if (href !== null && !SAFE_URL.test(href.trim())) el.removeAttribute('href');
      if (el.hasAttribute('href')) {
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (el.nodeName === 'IMG') {
      const src = el.getAttribute('src');
      if (!options.remoteImages || src === null || !SAFE_IMAGE_URL.test(src.trim())) {
        // A placeholder says what is missing, so the reader knows the copy has an image here.
        const doc = el.ownerDocument;
        const placeholder = doc.createElement('span');
        placeholder.setAttribute('class', 'reader-image-placeholder');
        const alt = el.getAttribute('alt')?.trim();
        placeholder.textContent = alt ? `[Image: ${alt}]` : '[Image]';
        el.replaceWith(placeholder);
        return;
      }
      el.setAttribute('referrerpolicy', 'no-referrer');
      el.setAttribute('loading', 'lazy');
    }
  });
  // Media and picture sources would load without the reader's say-so; there is no reason for them in a copy.
  const out = purifier.sanitize(html, {
    ...PURIFY_CONFIG,
    FORBID_TAGS: [...PURIFY_CONFIG.FORBID_TAGS, 'script', 'svg', 'math', 'video', 'audio', 'source', 'track', 'picture', 'noscript', 'template'],
    ADD_ATTR: ['target', 'referrerpolicy', 'loading'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
  purifier.removeAllHooks();
  return out;
}
