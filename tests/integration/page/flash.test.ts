// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlash, FLASH } from '../../../utils/page/flash';
import { installHighlightApi, pageCssCount } from './pageFixture';

// The global jsdom window here, so Vitest's fake timers drive the flash's timer (no waiting on the clock).
function setup() {
  document.body.innerHTML = '<p>First paragraph.</p><p>Second paragraph, to flash.</p>';
  const registry = installHighlightApi(window);
  const controller = new AbortController();
  controllers.push(controller);
  const flash = createFlash({ doc: document, win: window, signal: controller.signal });
  const rangeOf = (i: number) => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelectorAll('p')[i]!);
    return range;
  };
  return { registry, controller, flash, rangeOf };
}

const controllers: AbortController[] = [];
afterEach(() => {
  while (controllers.length) controllers.pop()!.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('flash', () => {
  it('scrolls the passage into the middle and flashes it for a moment', () => {
    vi.useFakeTimers();
    const { registry, flash, rangeOf } = setup();
    const scrolled = vi.fn();
    Object.defineProperty(document.querySelectorAll('p')[1]!, 'scrollIntoView', { value: scrolled });
    expect(flash.flash(rangeOf(1))).toBe(true);
    expect(scrolled).toHaveBeenCalledWith(expect.objectContaining({ block: 'center' }));
    expect((registry.get(FLASH)!.ranges[0] as Range).toString()).toBe('Second paragraph, to flash.');
    vi.runAllTimers();
    expect(registry.has(FLASH)).toBe(false);
  });

  it("never lets an earlier flash's timer end a newer flash (issue 15)", () => {
    vi.useFakeTimers();
    const { registry, flash, rangeOf } = setup();
    flash.flash(rangeOf(0));
    vi.advanceTimersByTime(2000);
    flash.flash(rangeOf(1));
    vi.advanceTimersByTime(1000);
    expect((registry.get(FLASH)!.ranges[0] as Range).toString()).toBe('Second paragraph, to flash.');
    vi.runAllTimers();
    expect(registry.has(FLASH)).toBe(false);
  });

  it('takes the flash and its CSS away when the signal aborts, and its timer never fires', () => {
    vi.useFakeTimers();
    const { registry, controller, flash, rangeOf } = setup();
    flash.flash(rangeOf(0));
    expect(pageCssCount(document)).toBe(1);
    controller.abort();
    expect(registry.has(FLASH)).toBe(false);
    expect(pageCssCount(document)).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
