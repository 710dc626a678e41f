import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { SHARED_IN_PAGE_CSS } from './toolbarTheme';

/** Props of SelectionToolbar. */
export interface SelectionToolbarProps {
  /** Viewport coordinates (CSS px) of the toolbar's top-left corner; see placeToolbar(). */
  position: { x: number; y: number };
  /** Highlight the selection in a colour. */
  onHighlight(color: HighlightColor): void;
  /** Highlight the selection and open its note. */
  onAddNote(): void;
  /** Dismiss the toolbar (Escape, the close button). */
  onClose(): void;
  /**
   * Why the selection cannot be highlighted ("Select text inside the article to highlight it"). When set, the
   * toolbar shows only the message and a close button: offering colours that would fail again is worse than none.
   */
  message?: string;
  /** Move focus into the toolbar on mount (opened from the keyboard); off by default so a mouse selection is not disturbed. */
  autoFocus?: boolean;
}

/** The stylesheet for the toolbar's shadow root (self-contained: page CSS cannot reach in, theme.css is not there). */
export const toolbarCss = `${SHARED_IN_PAGE_CSS}
.bs-toolbar {
  display: flex;
  align-items: center;
  gap: 2px;
  padding: 4px;
  max-width: calc(100vw - 16px);
  flex-wrap: wrap;
}
.bs-toolbar .bs-divider { width: 1px; align-self: stretch; margin: 4px 2px; background: #5a5a62; }
.bs-toolbar .bs-message { margin: 0 6px; max-width: 32ch; }
`;

/**
 * The in-page selection toolbar: colour buttons, "Add note" and close. One tab stop (roving tabindex); arrow keys,
 * Home and End move between buttons, Escape closes. Pure: the caller mounts it in a shadow root and wires callbacks.
 */
export function SelectionToolbar({ position, onHighlight, onAddNote, onClose, message, autoFocus = false }: SelectionToolbarProps) {
  const root = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const buttons = (): HTMLButtonElement[] => Array.from(root.current?.querySelectorAll<HTMLButtonElement>('button') ?? []);

  useEffect(() => {
    if (autoFocus) buttons()[0]?.focus();
    // Focus only when the toolbar opens, not on every prop change.
  }, []);

  const move = (to: number) => {
    const all = buttons();
    if (all.length === 0) return;
    const index = (to + all.length) % all.length;
    setActive(index);
    all[index]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const all = buttons();
    const current = all.findIndex((b) => b === (event.target as Element | null));
    const from = current === -1 ? active : current;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        move(from + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        move(from - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(all.length - 1);
        break;
      case 'Escape':
        onClose();
        break;
      default:
        return;
    }
    event.preventDefault();
    // The page must not see our keys (its own shortcuts, or closing its own dialogs on Escape).
    event.stopPropagation();
  };

  // The message mode has a single button: keep the tab stop on a button that exists.
  const count = message ? 1 : HIGHLIGHT_COLORS.length + 2;
  const stop = Math.min(active, count - 1);
  let index = 0;
  const tab = () => (index++ === stop ? 0 : -1);

  return (
    <div
      ref={root}
      class="bs-surface bs-toolbar"
      role="toolbar"
      aria-label="Highlight with Backstory"
      style={{ left: `${position.x}px`, top: `${position.y}px` }}
      onKeyDown={onKeyDown}
      // Keep the page's selection: a mousedown on a button would otherwise collapse it before the click lands.
      onMouseDown={(event) => event.preventDefault()}
    >
      {/* Always mounted: screen readers announce a live region's new text, not a region that appears with it. */}
      <p class={message ? 'bs-message' : 'bs-visually-hidden'} role="status">
        {message ?? ''}
      </p>
      {message ? null : (
        <>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              class="bs-swatch"
              tabIndex={tab()}
              aria-label={`Highlight ${color}`}
              title={`Highlight ${color}`}
              onClick={() => onHighlight(color)}
            >
              <span class="bs-dot" data-color={color} aria-hidden="true" />
            </button>
          ))}
          <span class="bs-divider" aria-hidden="true" />
          <button type="button" tabIndex={tab()} onClick={onAddNote}>
            Add note
          </button>
        </>
      )}
      <button type="button" tabIndex={tab()} aria-label="Close" title="Close (Esc)" onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
