import type { VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { parseMarkdownLite, renderMarkdownLite, safeHref, type MdInline } from '../../../components/highlights/markdown';

/** The paragraphs' inline tokens, for compact assertions. */
function inline(text: string): MdInline[][] {
  return parseMarkdownLite(text).map((p) => p.children);
}

/** Every text token, concatenated: what the reader will see. */
function visibleText(tokens: MdInline[]): string {
  return tokens.map((t) => (t.type === 'text' ? t.text : t.type === 'br' ? '\n' : visibleText(t.children))).join('');
}

/** Walks a VNode tree and collects every element's type and props. */
function elements(node: unknown, out: Array<{ type: string; props: Record<string, unknown> }> = []) {
  if (Array.isArray(node)) {
    for (const child of node) elements(child, out);
    return out;
  }
  if (node && typeof node === 'object' && 'props' in node) {
    const vnode = node as VNode<Record<string, unknown>>;
    if (typeof vnode.type === 'string') out.push({ type: vnode.type, props: vnode.props });
    elements(vnode.props.children, out);
  }
  return out;
}

describe('parseMarkdownLite', () => {
  it('reads bold, italic and both spellings of each', () => {
    expect(inline('a **b** c __d__ *e* _f_')).toEqual([
      [
        { type: 'text', text: 'a ' },
        { type: 'strong', children: [{ type: 'text', text: 'b' }] },
        { type: 'text', text: ' c ' },
        { type: 'strong', children: [{ type: 'text', text: 'd' }] },
        { type: 'text', text: ' ' },
        { type: 'em', children: [{ type: 'text', text: 'e' }] },
        { type: 'text', text: ' ' },
        { type: 'em', children: [{ type: 'text', text: 'f' }] },
      ],
    ]);
  });

  it('nests italic inside bold and bold inside italic', () => {
    expect(inline('**very *much* so**')[0]).toEqual([
      {
        type: 'strong',
        children: [
          { type: 'text', text: 'very ' },
          { type: 'em', children: [{ type: 'text', text: 'much' }] },
          { type: 'text', text: ' so' },
        ],
      },
    ]);
    expect(inline('*a **b** c*')[0]).toEqual([
      {
        type: 'em',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'strong', children: [{ type: 'text', text: 'b' }] },
          { type: 'text', text: ' c' },
        ],
      },
    ]);
  });

  it('leaves snake_case, lone asterisks, spaced delimiters and escapes as text', () => {
    for (const text of ['snake_case_name', '2 * 3 * 4', '** not bold **', 'a*', '\\*literal\\*']) {
      const tokens = inline(text)[0]!;
      expect(tokens.every((t) => t.type === 'text'), text).toBe(true);
    }
    expect(visibleText(inline('\\*literal\\*')[0]!)).toBe('*literal*');
  });

  it('turns single newlines into breaks and blank lines into paragraphs', () => {
    const paragraphs = parseMarkdownLite('one\ntwo\r\n\r\nthree');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]!.children).toEqual([{ type: 'text', text: 'one' }, { type: 'br' }, { type: 'text', text: 'two' }]);
    expect(paragraphs[1]!.children).toEqual([{ type: 'text', text: 'three' }]);
    expect(parseMarkdownLite('   \n\n  ')).toEqual([]);
  });

  it('makes links of [label](http…) and bare http(s) URLs, without the sentence punctuation', () => {
    expect(inline('see [the **report**](https://example.org/a?b=1#c) now')[0]).toEqual([
      { type: 'text', text: 'see ' },
      {
        type: 'link',
        href: 'https://example.org/a?b=1#c',
        children: [{ type: 'text', text: 'the ' }, { type: 'strong', children: [{ type: 'text', text: 'report' }] }],
      },
      { type: 'text', text: ' now' },
    ]);
    expect(inline('via http://example.com/x.')[0]).toEqual([
      { type: 'text', text: 'via ' },
      { type: 'link', href: 'http://example.com/x', children: [{ type: 'text', text: 'http://example.com/x' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps the parentheses of Wikipedia-style URLs, in links and bare', () => {
    expect(inline('[Khasan](https://en.wikipedia.org/wiki/Khasan_(urban-type_settlement)).')[0]).toEqual([
      {
        type: 'link',
        href: 'https://en.wikipedia.org/wiki/Khasan_(urban-type_settlement)',
        children: [{ type: 'text', text: 'Khasan' }],
      },
      { type: 'text', text: '.' },
    ]);
    expect(inline('(see https://en.wikipedia.org/wiki/Mercury_(planet))')[0]).toEqual([
      { type: 'text', text: '(see ' },
      { type: 'link', href: 'https://en.wikipedia.org/wiki/Mercury_(planet)', children: [{ type: 'text', text: 'https://en.wikipedia.org/wiki/Mercury_(planet)' }] },
      { type: 'text', text: ')' },
    ]);
  });

  it('never makes a link of another scheme, and shows what was typed instead', () => {
    const hostile = [
      '[click](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](data:text/html,<script>alert(1)</script>)',
      '[x](vbscript:msgbox)',
      '[x](//evil.example/)',
      'javascript:alert(1)',
    ];
    for (const text of hostile) {
      const tokens = inline(text)[0]!;
      expect(tokens.some((t) => t.type === 'link'), text).toBe(false);
      expect(visibleText(tokens), text).toBe(text.trim());
    }
  });

  it('keeps HTML as text', () => {
    const text = '<script>alert(1)</script> <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>';
    expect(inline(text)[0]).toEqual([{ type: 'text', text }]);
  });

  it('stays linear on hostile delimiter runs', () => {
    // Each of these would make a naive lazy regex rescan to the end from every opener.
    const inputs = ['**a '.repeat(20_000), '['.repeat(50_000), '_a '.repeat(20_000), '*'.repeat(50_000), '[a]('.repeat(10_000)];
    for (const text of inputs) {
      const tokens = parseMarkdownLite(text).flatMap((p) => p.children);
      // No text is lost, whatever delimiters the parser took as markup.
      const strip = (t: string) => t.replace(/[\s*_]+/g, '');
      expect(strip(visibleText(tokens)) === strip(text)).toBe(true);
    }
  });
});

describe('safeHref', () => {
  it('accepts http and https only', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('http://example.org/a b')).toBeNull();
    expect(safeHref('ftp://example.org')).toBeNull();
    expect(safeHref('mailto:a@example.org')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});

describe('renderMarkdownLite', () => {
  it('builds elements from the tokens, with safe links and no raw HTML', () => {
    const tree = elements(renderMarkdownLite('**b** [l](https://example.org) <img src=x onerror=alert(1)>\n*i*'));
    expect(tree.map((e) => e.type)).toEqual(['p', 'strong', 'a', 'br', 'em']);
    const link = tree.find((e) => e.type === 'a')!;
    expect(link.props).toMatchObject({ href: 'https://example.org/', target: '_blank', rel: 'noopener noreferrer nofollow' });
    for (const element of tree) expect(element.props).not.toHaveProperty('dangerouslySetInnerHTML');
  });
});
