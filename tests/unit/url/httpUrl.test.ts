import { describe, expect, it } from 'vitest';
import { httpUrl, parseHttpUrl } from '../../../utils/url/httpUrl';

describe('httpUrl', () => {
  it('keeps http(s) URLs, normalised, and refuses every other scheme, junk and emptiness', () => {
    expect(httpUrl('https://en.wikipedia.org/wiki/Khasan')).toBe('https://en.wikipedia.org/wiki/Khasan');
    expect(httpUrl('HTTP://Example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'file:///etc/passwd', 'not a url', '', null, undefined]) expect(httpUrl(bad)).toBeNull();
  });

  it('resolves against a base, and the base does not make a bad scheme good', () => {
    expect(httpUrl('/img/a.jpg', 'https://news.example/2023/story')).toBe('https://news.example/img/a.jpg');
    expect(httpUrl('javascript:x', 'https://news.example/')).toBeNull();
    expect(parseHttpUrl('//cdn.example/a.png', 'https://news.example/')?.host).toBe('cdn.example');
  });
});
