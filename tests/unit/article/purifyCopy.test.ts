// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { purifyCopyHtml } from '../../../utils/article/purifyCopy';

/* The reader view shows a saved copy only through this: a hostile copy (an imported backup) must come out inert. */

const HOSTILE = `
<p onclick="alert(1)">Text <a href="javascript:alert(2)">js link</a> <a href="https://news.example/x">ok link</a>
<a href="data:text/html,<script>alert(3)</script>">data link</a></p>
<script>alert(4)</script><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="q"></form>
<img src="x" onerror="alert(5)"><img src="data:image/png;base64,AAAA" alt="tracking pixel"><img src="https://news.example/lead.jpg" alt="Lead">
<svg><script>alert(6)</script></svg><object data="https://evil.example/x.swf"></object><style>body{display:none}</style>
<video src="https://news.example/v.mp4"></video><p style="position:fixed">styled</p>`;

describe('purifyCopyHtml', () => {
  it('leaves no script, handler, frame, form, style or javascript:/data: URL', () => {
    for (const remoteImages of [false, true]) {
      const out = purifyCopyHtml(HOSTILE, window, { remoteImages });
      expect(out).not.toMatch(/<script|onerror|onclick|<iframe|<form|<input|<object|<style|<svg|<video|style=/i);
      expect(out).not.toMatch(/javascript:|data:/i);
      expect(out).toContain('href="https://news.example/x"');
      expect(out).toContain('rel="noopener noreferrer"');
      expect(out).toContain('Text');
    }
  });

  it('loads images only when the reader allows remote images, and then without a referrer', () => {
    const blocked = purifyCopyHtml(HOSTILE, window, { remoteImages: false });
    expect(blocked).not.toMatch(/<img/i);
    expect(blocked).toContain('[Image: Lead]');
    const allowed = purifyCopyHtml(HOSTILE, window, { remoteImages: true });
    expect(allowed).toMatch(/<img[^>]+src="https:\/\/news\.example\/lead\.jpg"/);
    expect(allowed).toMatch(/referrerpolicy="no-referrer"/);
    // A data: image is never loaded, allowed or not.
    expect(allowed).toContain('[Image: tracking pixel]');
  });
});
