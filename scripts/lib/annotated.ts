// The inline annotation format of the entity dev set and language set (`[[surface text|type]]`, see
// tests/fixtures/entities/README.md): parsed here for the set's build script, its loader and the benches.

/** One annotated span: `text === doc.text.slice(start, end)`. */
export interface DevSpan {
  start: number;
  end: number;
  type: 'person' | 'place' | 'org' | 'other';
  text: string;
}

/** One dev-set document. */
export interface DevDoc {
  id: string;
  source: string;
  text: string;
  spans: DevSpan[];
}

const TYPES = new Set(['person', 'place', 'org', 'other']);

/** Turns marked-up text into plain text and spans. */
export function parseAnnotated(id: string, raw: string): DevDoc {
  const lines = raw.split('\n');
  const source = lines[0]!.startsWith('# ') ? lines.shift()!.slice(2).trim() : '';
  const marked = lines.join('\n').trim() + '\n';
  const spans: DevSpan[] = [];
  let text = '';
  let last = 0;
  for (const m of marked.matchAll(/\[\[([^\]|]+)\|([a-z]+)\]\]/g)) {
    const [whole, surface, type] = m as unknown as [string, string, string];
    if (!TYPES.has(type)) throw new Error(`${id}: bad type ${type} in ${whole}`);
    text += marked.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + surface.length, type: type as DevSpan['type'], text: surface });
    text += surface;
    last = m.index + whole.length;
  }
  text += marked.slice(last);
  if (/\[\[|\]\]/.test(text)) throw new Error(`${id}: unbalanced markup`);
  for (const s of spans) if (text.slice(s.start, s.end) !== s.text) throw new Error(`${id}: offset mismatch`);
  return { id, source, text, spans };
}
