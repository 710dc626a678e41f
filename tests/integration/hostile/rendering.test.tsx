// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { NoteText } from '../../../components/highlights/NoteText';
import { TagEditor } from '../../../components/library/TagEditor';
import { MentionPreview } from '../../../components/toolbar/MentionPreview';
import { purifyExtract } from '../../../utils/knowledge/purifyExtract';
import { escapeMarkdownText } from '../../../utils/library/exportMarkdown';
import { dangerIn, HOSTILE_TEXT, HOSTILE_URLS } from './payloads';

/*
 * The hostile-input suite (issue #13), rendering half: every payload through every field shown — notes, tags,
 * entity names, Wikipedia descriptions, extracts and picture URLs — renders as text, never as an element, handler
 * or dangerous link. (Imports and forged messages: ./imports.test.ts and ../messaging/senderScope.test.ts.)
 */

afterEach(cleanup);

describe.each(HOSTILE_TEXT)('the payload %s', (payload) => {
  it('is text in a note', () => {
    const { container } = render(<NoteText text={`before ${payload} after`} />);
    expect(dangerIn(container)).toEqual([]);
  });

  it('is text in a tag', () => {
    const { container } = render(<TagEditor tags={[payload.slice(0, 100)]} onChange={() => undefined} label={payload} listId="l" />);
    expect(dangerIn(container)).toEqual([]);
  });

  it('is text as an entity name, a Wikipedia title and description in the in-page preview', () => {
    const { container } = render(
      <MentionPreview
        position={{ x: 0, y: 0 }}
        entity={{ name: payload, type: 'person', mentions: [], fictional: false }}
        knowledge={{
          status: 'linked',
          card: { title: payload, description: payload, pageUrl: 'https://en.wikipedia.org/wiki/X', thumbnail: { url: 'https://upload.wikimedia.org/x.jpg', width: 1, height: 1 } },
        } as never}
        onClose={() => undefined}
      />,
    );
    expect(dangerIn(container)).toEqual([]);
    expect(container.textContent).toContain(payload.slice(0, 20));
  });

  it('leaves no element, handler or URL in a purified Wikipedia extract', () => {
    const win = new JSDOM('').window as unknown as Window;
    const html = purifyExtract(`<p>Extract ${payload}</p>`, win) ?? '';
    const { container } = render(<div dangerouslySetInnerHTML={{ __html: html }} />);
    expect(dangerIn(container)).toEqual([]);
  });

  it('cannot start an HTML tag in exported Markdown', () => {
    expect(escapeMarkdownText(payload)).not.toMatch(/(^|[^\\])</);
  });
});

describe.each(HOSTILE_URLS)('the URL %s', (url) => {
  it('never becomes the preview’s picture or link', () => {
    const { container } = render(
      <MentionPreview
        position={{ x: 0, y: 0 }}
        entity={{ name: 'X', type: 'person', mentions: [], fictional: false }}
        knowledge={{ status: 'linked', card: { title: 'X', description: 'd', pageUrl: url, thumbnail: { url, width: 1, height: 1 } } } as never}
        onClose={() => undefined}
      />,
    );
    expect(dangerIn(container)).toEqual([]);
  });

  it('never becomes a link in a note', () => {
    const { container } = render(<NoteText text={`[read](${url})`} />);
    expect(dangerIn(container)).toEqual([]);
  });
});

describe('dangerIn', () => {
  it('does see what it looks for (so the suite above can fail)', () => {
    const div = document.createElement('div');
    div.innerHTML = '<img src=x onerror="1"><a href="javascript:1">a</a><svg></svg>';
    expect(dangerIn(div).sort()).toEqual(['<a href="javascript:1">', '<img onerror>', '<img src="x">', '<svg>']);
  });
});
