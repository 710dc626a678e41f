import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../../utils/highlights/describe';

const text = 'MOSCOW: When North Korean leader Kim Jong-un stepped out of his armored train at a railway station in the eastern Russian town of Khasan.';

suite('describe', () => {
  it('quotes the passage with 32 characters of context each side and its position', () => {
    const start = text.indexOf('stepped out');
    const end = start + 'stepped out of his armored train'.length;
    const { quote, position } = describe(text, start, end);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'stepped out of his armored train',
      prefix: text.slice(start - 32, start),
      suffix: text.slice(end, end + 32),
    });
    expect(quote.prefix).toHaveLength(32);
    expect(quote.suffix).toHaveLength(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('shortens the context at the ends of the text', () => {
    const { quote } = describe(text, 0, 7);
    expect(quote.prefix).toBe('');
    const last = describe(text, text.length - 7, text.length).quote;
    expect(last.suffix).toBe('');
    expect(last.prefix).toHaveLength(32);
  });

  it('rejects empty, reversed and out-of-bounds ranges', () => {
    expect(() => describe(text, 5, 5)).toThrow(RangeError);
    expect(() => describe(text, 9, 4)).toThrow(RangeError);
    expect(() => describe(text, -1, 4)).toThrow(RangeError);
    expect(() => describe(text, 0, text.length + 1)).toThrow(RangeError);
  });
});
