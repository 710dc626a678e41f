/**
 * The open NER corpora in ../shared/corpora/ner (see its README) and the team's annotated texts, read into one shape:
 * documents of tokens with BIO labels over PER / LOC / ORG / MISC, the text rebuilt from the tokens with offsets, and
 * a fixed train / test split. The test parts are never read by training (scripts/train-entities.ts asks for 'train').
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { modelTokens, type ModelTokens } from '../../utils/entities/model/tokens';
import { labelIndex } from '../../utils/entities/model/perceptron';

/** Where the shared corpora live (override with BACKSTORY_CORPORA). */
export const CORPORA = process.env.BACKSTORY_CORPORA ?? resolve(import.meta.dirname, '../../../shared/corpora/ner');
const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/entities');

/** One annotated document. */
export interface NerDoc {
  corpus: string;
  id: string;
  lang: 'en' | 'pt';
  split: 'train' | 'test';
  tokens: ModelTokens;
  /** Gold label index per token. */
  gold: Uint8Array;
  /** Token index where each sentence (training example) starts. */
  sentences: number[];
  text: string;
}

/** The corpora by name, with how each is split. */
export const CORPUS_NAMES = ['wikigold', 'btc', 'wnut17', 'bosque', 'team'] as const;
/** One of CORPUS_NAMES. */
export type CorpusName = (typeof CORPUS_NAMES)[number];

const NO_SPACE_BEFORE = new Set([',', '.', ';', ':', '!', '?', ')', ']', '}', '%', "'s", '’s', "n't", '”', '...', "''"]);
const NO_SPACE_AFTER = new Set(['(', '[', '{', '$', '“', '``', '#', '@']);

/** Rebuilds readable text from tokens (sentences joined by `sep`) and keeps each token's offsets. */
function detokenize(sentences: string[][], sep: string): { text: string; starts: number[]; ends: number[]; newline: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const newline: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s]!;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      if (i === 0) {
        if (s > 0) text += sep;
      } else if (!NO_SPACE_BEFORE.has(w) && !NO_SPACE_AFTER.has(words[i - 1]!)) text += ' ';
      newline.push(i === 0 && s > 0 && sep.includes('\n') ? 1 : 0);
      starts.push(text.length);
      text += w;
      ends.push(text.length);
    }
  }
  return { text, starts, ends, newline };
}

const WNUT_TYPES: Record<string, string> = { person: 'PER', location: 'LOC', corporation: 'ORG', group: 'ORG', product: 'MISC', 'creative-work': 'MISC', OTHER: 'MISC' };

/** BIO2 tag with our type names; IOB1 ("I-X" opening an entity) becomes "B-X". */
function normaliseTags(raw: string[]): Uint8Array {
  const out = new Uint8Array(raw.length);
  let prevType = '';
  for (let i = 0; i < raw.length; i++) {
    const m = /^([BI])-(.+)$/.exec(raw[i]!);
    if (!m) {
      prevType = '';
      continue;
    }
    const type = WNUT_TYPES[m[2]!] ?? m[2]!;
    const bio = m[1] === 'I' && prevType === type ? 'I' : 'B';
    out[i] = labelIndex(`${bio}-${type}`);
    prevType = type;
  }
  return out;
}

interface RawDoc {
  id: string;
  sentences: Array<{ words: string[]; tags: string[] }>;
}

/** Reads a CoNLL-style file: one token per line (word first, tag in `tagColumn`), blank lines between sentences. */
function readConll(file: string, opts: { wordColumn: number; tagColumn: number; docPer: 'sentence' | 'docstart' | 'newdoc' }): RawDoc[] {
  const docs: RawDoc[] = [];
  let doc: RawDoc | null = null;
  let sent = { words: [] as string[], tags: [] as string[] };
  const endSentence = (): void => {
    if (sent.words.length === 0) return;
    if (!doc || opts.docPer === 'sentence') {
      doc = { id: `${docs.length}`, sentences: [] };
      docs.push(doc);
    }
    doc.sentences.push(sent);
    sent = { words: [], tags: [] };
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('# newdoc') && opts.docPer === 'newdoc') {
      endSentence();
      doc = { id: line.replace(/^# newdoc id = /, ''), sentences: [] };
      docs.push(doc);
      continue;
    }
    if (line.startsWith('#')) continue;
    if (line.startsWith('-DOCSTART-')) {
      endSentence();
      doc = { id: `${docs.length}`, sentences: [] };
      docs.push(doc);
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    const cols = line.split(/\t| /);
    sent.words.push(cols[opts.wordColumn]!);
    sent.tags.push(cols[opts.tagColumn] ?? 'O');
  }
  endSentence();
  return docs.filter((d) => d.sentences.length > 0);
}

function toNerDoc(corpus: string, lang: 'en' | 'pt', split: 'train' | 'test', raw: RawDoc, sep: string): NerDoc {
  const d = detokenize(raw.sentences.map((s) => s.words), sep);
  const words = raw.sentences.flatMap((s) => s.words);
  const sentences: number[] = [];
  let n = 0;
  for (const s of raw.sentences) {
    sentences.push(n);
    n += s.words.length;
  }
  return {
    corpus,
    id: `${corpus}/${raw.id}`,
    lang,
    split,
    tokens: { words, starts: Int32Array.from(d.starts), ends: Int32Array.from(d.ends), newline: Uint8Array.from(d.newline) },
    gold: normaliseTags(raw.sentences.flatMap((s) => s.tags)),
    sentences,
    text: d.text,
  };
}

interface TeamDoc {
  id: string;
  text: string;
  spans: Array<{ start: number; end: number; type: string }>;
}
const TEAM_TYPES: Record<string, string> = { person: 'PER', place: 'LOC', org: 'ORG', other: 'MISC' };

/** The team's annotated texts, cut with the model's own tokenizer (the same cut the extension makes). */
function teamDocs(file: string, split: 'train' | 'test'): NerDoc[] {
  const docs = JSON.parse(readFileSync(file, 'utf8')) as TeamDoc[];
  return docs.map((doc) => {
    const tokens = modelTokens(doc.text);
    const gold = new Uint8Array(tokens.words.length);
    for (const sp of doc.spans) {
      const type = TEAM_TYPES[sp.type];
      if (!type) continue;
      let first = true;
      for (let i = 0; i < tokens.words.length; i++) {
        if (tokens.starts[i]! >= sp.start && tokens.ends[i]! <= sp.end) {
          gold[i] = labelIndex(`${first ? 'B' : 'I'}-${type}`);
          first = false;
        }
      }
    }
    // Lines are the training examples.
    const sentences = [0];
    for (let i = 1; i < tokens.words.length; i++) if (tokens.newline[i]) sentences.push(i);
    return { corpus: 'team', id: `team/${doc.id}`, lang: 'en' as const, split, tokens, gold, sentences, text: doc.text };
  });
}

/**
 * Every document of a corpus with its split. Held-out parts: wikigold every fifth article (it has no official split),
 * BTC section h (the authors' test section), WNUT-17 test, Bosque test, the team's held-out set.
 */
export function loadCorpus(name: CorpusName): NerDoc[] {
  const dir = (p: string): string => resolve(CORPORA, p);
  switch (name) {
    case 'wikigold':
      return readConll(dir('wikigold/wikigold.conll'), { wordColumn: 0, tagColumn: 1, docPer: 'docstart' }).map((d, i) =>
        toNerDoc('wikigold', 'en', i % 5 === 4 ? 'test' : 'train', d, ' '),
      );
    case 'btc':
      return ['a', 'b', 'e', 'f', 'g', 'h'].flatMap((s) =>
        readConll(dir(`btc/${s}.conll`), { wordColumn: 0, tagColumn: 1, docPer: 'sentence' }).map((d) =>
          toNerDoc('btc', 'en', s === 'h' ? 'test' : 'train', { ...d, id: `${s}${d.id}` }, '\n'),
        ),
      );
    case 'wnut17':
      return (['train', 'dev', 'test'] as const).flatMap((s) =>
        readConll(dir(`wnut17/${s}.conll`), { wordColumn: 0, tagColumn: 1, docPer: 'sentence' }).map((d) =>
          toNerDoc('wnut17', 'en', s === 'test' ? 'test' : 'train', { ...d, id: `${s}${d.id}` }, '\n'),
        ),
      );
    case 'bosque':
      return (['train', 'dev', 'test'] as const).flatMap((s) =>
        readConll(dir(`uner-pt-bosque/pt_bosque-ud-${s}.iob2`), { wordColumn: 1, tagColumn: 2, docPer: 'newdoc' }).map((d) =>
          toNerDoc('bosque', 'pt', s === 'test' ? 'test' : 'train', { ...d, id: `${s}${d.id}` }, ' '),
        ),
      );
    case 'team':
      return [...teamDocs(resolve(FIXTURES, 'devset/devset.json'), 'train'), ...teamDocs(resolve(FIXTURES, 'heldout/heldout.json'), 'test')];
  }
}
