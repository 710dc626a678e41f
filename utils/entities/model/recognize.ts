import { extractFeatures } from './features';
import { decode, TYPES, type ChainModel, type ModelType } from './perceptron';
import { modelTokens, type ModelTokens } from './tokens';

/** A span of the text typed by a recognizer, with offsets into the text. */
export interface TypedSpan {
  start: number;
  end: number;
  type: ModelType;
}

/** A span the model proposes, with its confidence (0–1: the lowest of its tokens' max-marginal confidences). */
export interface ModelSpan extends TypedSpan {
  confidence: number;
}

/** Label index per model token from typed character spans (a token belongs to a span it lies inside). */
export function spansToTags(tokens: ModelTokens, spans: readonly TypedSpan[]): Uint8Array {
  const tags = new Uint8Array(tokens.words.length);
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let s = 0;
  let inside = -1;
  for (let i = 0; i < tokens.words.length; i++) {
    const a = tokens.starts[i]!;
    const b = tokens.ends[i]!;
    while (s < sorted.length && sorted[s]!.end <= a) s++;
    const sp = sorted[s];
    if (sp && sp.start <= a && b <= sp.end) {
      const t = TYPES.indexOf(sp.type);
      tags[i] = inside === s ? 2 + 2 * t : 1 + 2 * t;
      inside = s;
    } else inside = -1;
  }
  return tags;
}

/** Typed spans from label indices over model tokens (a stray I- starts a span, as conlleval reads it). */
export function tagsToSpans(tokens: ModelTokens, tags: Uint8Array, confidence?: Float32Array): ModelSpan[] {
  const out: ModelSpan[] = [];
  let cur: ModelSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    const type = t === 0 ? null : TYPES[(t - 1) >> 1]!;
    const begin = t % 2 === 1 || (cur !== null && cur.type !== type) || cur === null;
    if (cur && (t === 0 || begin)) {
      out.push(cur);
      cur = null;
    }
    if (type === null) continue;
    const c = confidence ? confidence[i]! : 1;
    if (!cur) cur = { start: tokens.starts[i]!, end: tokens.ends[i]!, type, confidence: c };
    else {
      cur.end = tokens.ends[i]!;
      cur.confidence = Math.min(cur.confidence, c);
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** What the model makes of a text, given what the rules found there (used as features). */
export interface Recognition {
  tokens: ModelTokens;
  spans: ModelSpan[];
  /** Per-token confidence in the chosen label, for tokens inside a model or rule span (0 elsewhere). */
  confidence: Float32Array;
}

/** Runs the model over the whole text: tokens, features (with the rules' spans), Viterbi, confidences. */
export function recognize(text: string, model: ChainModel, ruleSpans: readonly TypedSpan[]): Recognition {
  const tokens = modelTokens(text);
  const ruleTags = spansToTags(tokens, ruleSpans);
  const feats = extractFeatures(tokens.words, ruleTags, tokens.newline);
  const confidence = new Float32Array(tokens.words.length);
  // Confidence is needed only where the model or the rules put a span (the rest stays 0).
  const tags = decode(model, feats, 0, tokens.words.length, confidence, ruleTags);
  return { tokens, spans: tagsToSpans(tokens, tags, confidence), confidence };
}
