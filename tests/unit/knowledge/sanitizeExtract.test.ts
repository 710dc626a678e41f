import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { purifyExtract } from '../../../utils/knowledge/purifyExtract';
import { extractText, sanitizeExtract } from '../../../utils/knowledge/sanitizeExtract';

const HOSTILE = [
  '<p><b>Evil Corp</b> is a company<script>alert("x")</script> founded in 2001. <img src="x" onerror="alert(1)"><a href="javascript:alert(2)" onclick="alert(3)">Its headquarters</a> are in <i style="color:red">Gotham</i>.</p>',
  '<p onmouseover="alert(1)">hi<SCRIPT SRC=//evil.example/x.js></SCRIPT></p><svg><script>alert(1)</script></svg><iframe src="javascript:alert(1)"></iframe>',
  '<b>unclosed <i>tags <p>and a stray </div> close</b>',
  '<p>a < b && c > d &amp; e &#39;quoted&#39; &bogus</p>',
  '<p title="a>b" onload="x">attribute with > inside</p><!-- <script>alert(1)</script> --><style>p{}</style>',
  '<p>text <img src=x onerror=alert(1)//',
  '<<script>script>alert(1)<</script>/script>',
];

describe('sanitizeExtract (no DOM)', () => {
  it('keeps the formatting of a real TextExtracts lead', () => {
    const html = '<p><b>Moscow</b> is the capital and largest city of Russia. The city stands on the <i>Moskva</i> River.</p>';
    expect(sanitizeExtract(html)).toBe(html);
  });

  it('drops scripts, event handlers, links and images', () => {
    const out = sanitizeExtract(HOSTILE[0] ?? '');
    expect(out).toBe('<p><b>Evil Corp</b> is a company founded in 2001. Its headquarters are in <i>Gotham</i>.</p>');
  });

  it.each(HOSTILE)('leaves no attribute and no dangerous element: %s', (html) => {
    const out = sanitizeExtract(html);
    expect(out).not.toMatch(/<(?!\/?(?:p|b|i|strong|em|sub|sup|small|span|br|ul|ol|li)>)/);
    expect(out).not.toMatch(/<script|javascript:|on\w+=/i);
  });

  it('escapes stray angle brackets and ampersands but keeps real entities', () => {
    expect(sanitizeExtract('<p>a < b && c > d &amp; e &#39;q&#39; &bogus</p>')).toBe('<p>a &lt; b &amp;&amp; c &gt; d &amp; e &#39;q&#39; &amp;bogus</p>');
  });

  it('gives plain text for places without HTML', () => {
    expect(extractText(HOSTILE[0] ?? '')).toBe('Evil Corp is a company founded in 2001. Its headquarters are in Gotham.');
  });
});

describe('cross-check with DOMPurify (jsdom)', () => {
  const { window } = new JSDOM('<!doctype html><body></body>');
  const win = window as unknown as Window;
  const parse = (html: string) => {
    const div = window.document.createElement('div');
    div.innerHTML = html;
    return div;
  };

  it.each(HOSTILE)('what sanitizeExtract keeps, DOMPurify keeps too (nothing left to strip): %s', (html) => {
    const ours = sanitizeExtract(html);
    const purified = purifyExtract(ours, win);
    expect(purified).not.toBeNull();
    // Compare as parsed DOM text and element count: serialisation details (&amp;&amp; vs &&) may differ.
    expect(parse(purified ?? '').textContent).toBe(parse(ours).textContent);
    expect(parse(purified ?? '').querySelectorAll('*').length).toBe(parse(ours).querySelectorAll('*').length);
  });

  it('the parsed result has no attributes anywhere', () => {
    for (const html of HOSTILE) {
      const root = parse(sanitizeExtract(html));
      for (const el of root.querySelectorAll('*')) expect(el.attributes.length).toBe(0);
    }
  });
});
