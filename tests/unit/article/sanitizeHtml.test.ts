import { JSDOM } from 'jsdom';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { paragraphsToHtml, sanitizeArticleHtml } from '../../../utils/article/sanitizeHtml';

const HOSTILE = `<div id="content">
  <p onclick="steal()">Hello <a href="javascript:alert(1)">bad link</a> and <a href="/about">good link</a>.</p>
  <img src="x" onerror="alert(1)"><img src="https://img.example.com/a.jpg" alt="A">
  <script>alert(1)</script><style>p{}</style><iframe src="https://evil.example"></iframe>
  <form action="/x"><input name="q"><button>Go</button></form>
  <svg><script>alert(2)</script></svg>
  <p style="color:red" data-track="1">Styled <em>text</em></p>
</div>`;

function check(html: string): void {
  expect(html).not.toMatch(/<script|<style|<iframe|<form|<input|<button|\son[a-z]+\s*=|javascript:|style=|data-track/i);
  expect(html).toContain('Hello');
  expect(html).toContain('<em>text</em>');
  expect(html).toContain('img.example.com/a.jpg');
}

describe('sanitizeArticleHtml', () => {
  it('DOMPurify path (jsdom window)', () => {
    const { window } = new JSDOM(HOSTILE, { url: 'https://news.example.com/story' });
    const out = sanitizeArticleHtml(window.document.getElementById('content')!, window as unknown as Window, 'https://news.example.com/story');
    check(out);
  });

  it('allowlist path (linkedom, where DOMPurify reports isSupported=false)', () => {
    const { document } = parseHTML(`<html><body>${HOSTILE}</body></html>`);
    const el = document.getElementById('content') as unknown as Element;
    const out = sanitizeArticleHtml(el, document.defaultView as unknown as Window, 'https://news.example.com/story');
    check(out);
    expect(out).toContain('href="https://news.example.com/about"');
  });

  it('allowlist path with no window at all', () => {
    const { document } = parseHTML(`<html><body>${HOSTILE}</body></html>`);
    check(sanitizeArticleHtml(document.getElementById('content') as unknown as Element, null, null));
  });

  it('escapes JSON-LD text into paragraphs', () => {
    expect(paragraphsToHtml(['a < b & c', '<img src=x onerror=alert(1)>'])).toBe('<p>a &lt; b &amp; c</p>\n<p>&lt;img src=x onerror=alert(1)&gt;</p>');
  });
});
