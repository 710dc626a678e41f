// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { render as preactRender } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { placeToolbar } from '../../../components/toolbar/placeToolbar';
import { SelectionToolbar, toolbarCss } from '../../../components/toolbar/SelectionToolbar';
import { HIGHLIGHT_COLORS } from '../../../utils/highlights/types';
import { expectAccessible } from '../../support/axe';

function setup(message?: string) {
  const calls = { onHighlight: vi.fn(), onAddNote: vi.fn(), onClose: vi.fn() };
  render(<SelectionToolbar position={{ x: 120, y: 48 }} {...calls} message={message} autoFocus />);
  return calls;
}

afterEach(cleanup);

describe('SelectionToolbar', () => {
  it('is a named toolbar with a button per colour, "Add note" and "Close", placed where it is told', () => {
    setup();
    const toolbar = screen.getByRole('toolbar', { name: 'Highlight with Backstory' });
    expect(toolbar.style.left).toBe('120px');
    expect(toolbar.style.top).toBe('48px');
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names).toEqual([...HIGHLIGHT_COLORS.map((c) => `Highlight ${c}`), 'Add note', 'Close']);
    expect(HIGHLIGHT_COLORS.length).toBeGreaterThanOrEqual(4);
  });

  it('calls back with the colour, for "Add note" and for "Close"', () => {
    const calls = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Highlight green' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(calls.onHighlight.mock.calls).toEqual([['green']]);
    expect(calls.onAddNote).toHaveBeenCalledTimes(1);
    expect(calls.onClose).toHaveBeenCalledTimes(1);
  });

  it('is one tab stop, with arrow keys, Home and End moving between the buttons and wrapping round', () => {
    setup();
    const buttons = screen.getAllByRole('button');
    expect(document.activeElement).toBe(buttons[0]);
    expect(buttons.filter((b) => b.tabIndex === 0)).toHaveLength(1);

    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Highlight green' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Highlight blue' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Highlight green' }));
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);

    // The roving tab stop follows the focus, so Tab out and back lands on the last button used.
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(screen.getAllByRole('button').filter((b) => b.tabIndex === 0)).toEqual([screen.getByRole('button', { name: 'Close' })]);
  });

  it('activates the focused button from the keyboard and closes on Escape without the page seeing the key', () => {
    const calls = setup();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    // A native button turns Enter into a click; jsdom does not, so click the focused element as the browser would.
    fireEvent.click(document.activeElement!);
    expect(calls.onHighlight.mock.calls).toEqual([['blue']]);

    const pageSawEscape = vi.fn();
    document.body.addEventListener('keydown', pageSawEscape);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    document.body.removeEventListener('keydown', pageSawEscape);
    expect(calls.onClose).toHaveBeenCalledTimes(1);
    expect(pageSawEscape).not.toHaveBeenCalled();
  });

  it('keeps one live region, empty until there is a message to announce', () => {
    const calls = { onHighlight: vi.fn(), onAddNote: vi.fn(), onClose: vi.fn() };
    const { rerender } = render(<SelectionToolbar position={{ x: 0, y: 0 }} {...calls} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('');
    rerender(<SelectionToolbar position={{ x: 0, y: 0 }} {...calls} message="Select text inside the article to highlight it" />);
    expect(screen.getByRole('status')).toBe(status);
    expect(status.textContent).toBe('Select text inside the article to highlight it');
  });

  it('keeps the page selection: a mousedown on the toolbar is cancelled', () => {
    setup();
    const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    screen.getByRole('button', { name: 'Highlight yellow' }).dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('shows a message instead of the colours when the selection cannot be highlighted', () => {
    const calls = setup('Select text inside the article to highlight it');
    expect(screen.getByRole('status').textContent).toBe('Select text inside the article to highlight it');
    expect(screen.getByRole('status').className).toBe('bs-message');
    expect(screen.queryByRole('button', { name: /Highlight/ })).toBeNull();
    const close = screen.getByRole('button', { name: 'Close' });
    expect(close.tabIndex).toBe(0);
    fireEvent.keyDown(close, { key: 'Escape' });
    expect(calls.onClose).toHaveBeenCalledTimes(1);
  });

  it('works inside a shadow root, as the content script mounts it, with page key handlers kept out', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = toolbarCss;
    const mount = document.createElement('div');
    shadow.append(style, mount);
    const onHighlight = vi.fn();
    const onClose = vi.fn();
    const pageKeys = vi.fn();
    document.addEventListener('keydown', pageKeys);
    act(() => {
      preactRender(<SelectionToolbar position={{ x: 0, y: 0 }} onHighlight={onHighlight} onAddNote={vi.fn()} onClose={onClose} autoFocus />, mount);
    });
    expect(shadow.activeElement?.getAttribute('aria-label')).toBe('Highlight yellow');
    act(() => {
      fireEvent.keyDown(shadow.activeElement!, { key: 'ArrowRight' });
    });
    expect(shadow.activeElement?.getAttribute('aria-label')).toBe('Highlight green');
    fireEvent.click(shadow.activeElement!);
    fireEvent.keyDown(shadow.activeElement!, { key: 'Escape' });
    expect(onHighlight.mock.calls).toEqual([['green']]);
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(pageKeys).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageKeys);
    act(() => preactRender(null, mount));
    host.remove();
  });

  it('ships self-contained CSS for its shadow root: its own opaque surface and a visible focus ring', () => {
    expect(toolbarCss).toContain(':host { all: initial; }');
    expect(toolbarCss).toMatch(/\.bs-surface \{[^}]*background: #[0-9a-f]{6};/);
    expect(toolbarCss).toMatch(/:focus-visible[^{]*\{ outline: 3px solid/);
    for (const color of HIGHLIGHT_COLORS) expect(toolbarCss).toContain(`.bs-dot[data-color='${color}']`);
    expect(toolbarCss).not.toContain('var(--');
  });

  it('has no serious accessibility violations, with colours or with a message', async () => {
    setup();
    await expectAccessible(document.body);
    cleanup();
    setup('Select text inside the article to highlight it');
    await expectAccessible(document.body);
  });
});

describe('placeToolbar', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 220, height: 40 };

  it('centres the toolbar above the selection', () => {
    expect(placeToolbar({ left: 300, right: 500, top: 200, bottom: 220 }, viewport, size)).toEqual({ x: 290, y: 152 });
  });

  it('goes below a selection at the top of the viewport', () => {
    expect(placeToolbar({ left: 300, right: 500, top: 10, bottom: 30 }, viewport, size)).toEqual({ x: 290, y: 38 });
  });

  it('stays inside the viewport at the edges and in a narrow window', () => {
    expect(placeToolbar({ left: 0, right: 20, top: 200, bottom: 220 }, viewport, size).x).toBe(8);
    expect(placeToolbar({ left: 780, right: 800, top: 200, bottom: 220 }, viewport, size).x).toBe(800 - 220 - 8);
    expect(placeToolbar({ left: 100, right: 200, top: 200, bottom: 220 }, { width: 200, height: 600 }, size).x).toBe(8);
    // A selection taller than the viewport: pinned to the top rather than off-screen.
    expect(placeToolbar({ left: 100, right: 200, top: -500, bottom: 1500 }, viewport, size).y).toBe(8);
  });
});
