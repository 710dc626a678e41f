import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';

/*
 * In-page UI lives in a shadow root on someone else's page: it cannot use the extension's theme.css, and it must stay
 * readable whatever the page looks like, so it carries its own opaque dark surface and light text (15.9:1).
 */

/** Opaque swatch colours for buttons (the page's translucent fills would vanish on the dark surface). */
export const SWATCH: Record<HighlightColor, string> = {
  yellow: '#ffd23f',
  green: '#4cc46a',
  blue: '#4c9bff',
  pink: '#ff6fb5',
  purple: '#a678ff',
};

/** CSS shared by the toolbar and the note popover inside their shadow root. */
export const SHARED_IN_PAGE_CSS = `
:host { all: initial; }
.bs-surface {
  position: fixed;
  z-index: 2147483647;
  box-sizing: border-box;
  background: #1f1f23;
  color: #f4f4f2;
  border: 1px solid #5a5a62;
  border-radius: 8px;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.35);
  font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  letter-spacing: normal;
  text-align: left;
  text-transform: none;
}
.bs-surface *, .bs-surface *::before, .bs-surface *::after { box-sizing: border-box; }
.bs-surface button {
  all: unset;
  box-sizing: border-box;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  min-width: 32px;
  min-height: 32px;
  padding: 0 8px;
  border-radius: 6px;
  color: #f4f4f2;
  font: inherit;
  cursor: pointer;
}
.bs-surface button:hover { background: #34343a; }
.bs-surface button:focus-visible, .bs-surface textarea:focus-visible { outline: 3px solid #8ab4f8; outline-offset: 1px; }
.bs-swatch { padding: 0; }
.bs-swatch .bs-dot {
  display: block;
  width: 20px;
  height: 20px;
  border-radius: 50%;
  border: 2px solid #1f1f23;
  box-shadow: 0 0 0 1px #8d8d96;
}
.bs-swatch[aria-pressed='true'] .bs-dot { box-shadow: 0 0 0 2px #f4f4f2; }
${HIGHLIGHT_COLORS.map((c) => `.bs-dot[data-color='${c}'] { background: ${SWATCH[c]}; }`).join('\n')}
.bs-visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
@media (forced-colors: active) {
  .bs-surface { border-color: CanvasText; }
  .bs-swatch .bs-dot { forced-color-adjust: none; border-color: Canvas; box-shadow: 0 0 0 1px CanvasText; }
}
`;
