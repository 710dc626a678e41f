/**
 * Reads Universal NER's Portuguese Bosque split (shared/corpora/ner/uner-pt-bosque, IOB2 CoNLL with `# text =` lines)
 * into documents: sentences of one `# newdoc` joined by newlines, gold PER/LOC spans as character offsets.
 */
import { existsSync, readFileSync } from 'node:fs';

/** One UNER document with character-offset gold spans. */
export interface UnerDoc {
  text: string;
  spans: Array<{ start: number; end: number; type: 'person' | 'place' | 'org' | 'other' }>;
}

const TYPES: Record<string, UnerDoc['spans'][number]['type']> = { PER: 'person', LOC: 'place', ORG: 'org', OTH: 'other' };

/** The documents of one split file, or null when the corpus is not there. */
export function loadUner(file: string): UnerDoc[] | null {
  if (!existsSync(file)) return null;
  const docs: UnerDoc[] = [];
  let doc: UnerDoc | null = null;
  let sentence = '';
  let base = 0;
  let cursor = 0;
  let open: { start: number; end: number; type: UnerDoc['spans'][number]['type'] } | null = null;
  const close = (): void => {
    if (open && doc) doc.spans.push(open);
    open = null;
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc')) {
      close();
      doc = { text: '', spans: [] };
      docs.push(doc);
    } else if (line.startsWith('# text = ')) {
      doc ??= (docs.push({ text: '', spans: [] }), docs[docs.length - 1]!);
      sentence = line.slice(9);
      if (doc.text) doc.text += '\n';
      base = doc.text.length;
      doc.text += sentence;
      cursor = 0;
    } else if (/^\d+\t/.test(line) && doc) {
      const [, form, tag] = line.split('\t') as [string, string, string];
      const at = sentence.indexOf(form, cursor);
      if (at < 0) continue;
      cursor = at + form.length;
      const [bio, kind] = tag.split('-') as [string, string | undefined];
      const type = kind ? TYPES[kind] : undefined;
      if (bio === 'B' && type) {
        close();
        open = { start: base + at, end: base + cursor, type };
      } else if (bio === 'I' && open && type === open.type) open.end = base + cursor;
      else close();
    } else if (line.trim() === '') close();
  }
  close();
  return docs;
}
