import { FEATURES_PER_TOKEN } from './features';

/** BIO labels over four types; index 0 is outside. B-x = 1 + 2k, I-x = 2 + 2k. */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'] as const;
/** The entity types the labels carry, in label order. */
export const TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
/** One of TYPES. */
export type ModelType = (typeof TYPES)[number];
const L = LABELS.length;

/** The label index for a BIO tag such as "B-PER" (unknown types are outside). */
export function labelIndex(tag: string): number {
  const i = (LABELS as readonly string[]).indexOf(tag);
  return i < 0 ? 0 : i;
}

/** I-x may only follow B-x or I-x; `prev === L` is the sentence start. */
function allowed(prev: number, cur: number): boolean {
  if (cur === 0 || cur % 2 === 1) return true;
  return prev !== L && prev !== 0 && (prev === cur || prev === cur - 1);
}
const ALLOWED = new Uint8Array((L + 1) * L);
for (let p = 0; p <= L; p++) for (let c = 0; c < L; c++) ALLOWED[p * L + c] = allowed(p, c) ? 1 : 0;

/** A trained linear-chain model: hashed emission weights (buckets × labels) and label-transition weights. */
export interface ChainModel {
  /** Power of two: feature hashes are taken modulo it. */
  buckets: number;
  weights: Float32Array;
  /** (labels + 1) × labels: row `labels` is the start of a sequence. */
  transitions: Float32Array;
  /** Softmax temperature turning max-marginal scores into a 0–1 confidence. */
  temperature: number;
}

/** Emission scores, tokens × labels, for features laid out FEATURES_PER_TOKEN per token. */
export function emissions(model: ChainModel, feats: Int32Array, from: number, to: number): Float32Array {
  const K = FEATURES_PER_TOKEN;
  const mask = model.buckets - 1;
  const W = model.weights;
  const E = new Float32Array((to - from) * L);
  for (let i = from; i < to; i++) {
    const e = (i - from) * L;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0, s8 = 0;
    for (let k = i * K, end = k + K; k < end; k++) {
      const b = (feats[k]! & mask) * L;
      s0 += W[b]!;
      s1 += W[b + 1]!;
      s2 += W[b + 2]!;
      s3 += W[b + 3]!;
      s4 += W[b + 4]!;
      s5 += W[b + 5]!;
      s6 += W[b + 6]!;
      s7 += W[b + 7]!;
      s8 += W[b + 8]!;
    }
    E[e] = s0;
    E[e + 1] = s1;
    E[e + 2] = s2;
    E[e + 3] = s3;
    E[e + 4] = s4;
    E[e + 5] = s5;
    E[e + 6] = s6;
    E[e + 7] = s7;
    E[e + 8] = s8;
  }
  return E;
}

/**
 * Best BIO-valid label sequence (Viterbi) for tokens [from, to). With `confidence`, also each token's
 * max-marginal confidence in its label: softmax over labels of the best path score through each label. `need`
 * (per token, from `from`) limits that to the tokens asked for: the exponentials are a third of the decoding time.
 */
export function decode(model: ChainModel, feats: Int32Array, from: number, to: number, confidence?: Float32Array, need?: Uint8Array): Uint8Array {
  const n = to - from;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  const E = emissions(model, feats, from, to);
  const T = model.transitions;
  const alpha = new Float32Array(n * L);
  const back = new Uint8Array(n * L);
  for (let c = 0; c < L; c++) alpha[c] = ALLOWED[L * L + c] ? E[c]! + T[L * L + c]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const a = i * L;
    const pa = a - L;
    for (let c = 0; c < L; c++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[p * L + c]) continue;
        const s = alpha[pa + p]! + T[p * L + c]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      alpha[a + c] = best + E[a + c]!;
      back[a + c] = arg;
    }
  }
  let last = 0;
  for (let c = 1; c < L; c++) if (alpha[(n - 1) * L + c]! > alpha[(n - 1) * L + last]!) last = c;
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
  if (confidence) {
    // Max-product backward pass: beta[i][c] = best score of the rest of the sequence after label c at i.
    const beta = new Float32Array(n * L);
    for (let i = n - 2; i >= 0; i--) {
      const a = i * L;
      for (let c = 0; c < L; c++) {
        let best = -Infinity;
        for (let q = 0; q < L; q++) {
          if (!ALLOWED[c * L + q]) continue;
          const s = T[c * L + q]! + E[a + L + q]! + beta[a + L + q]!;
          if (s > best) best = s;
        }
        beta[a + c] = best;
      }
    }
    const t = model.temperature;
    for (let i = 0; i < n; i++) {
      if (need && !need[from + i] && out[i] === 0) continue;
      const a = i * L;
      const top = alpha[a + out[i]!]! + beta[a + out[i]!]!;
      let z = 0;
      for (let c = 0; c < L; c++) {
        const s = alpha[a + c]! + beta[a + c]!;
        if (s > -Infinity) z += Math.exp((s - top) / t);
      }
      confidence[from + i] = 1 / z;
    }
  }
  return out;
}

/** Averaged structured perceptron training over pre-extracted features. Deterministic for a given input order. */
export class ChainTrainer {
  readonly model: ChainModel;
  private readonly accW: Float64Array;
  private readonly accT: Float64Array;
  private step = 1;

  constructor(buckets: number) {
    this.model = { buckets, weights: new Float32Array(buckets * L), transitions: new Float32Array((L + 1) * L), temperature: 1 };
    this.accW = new Float64Array(buckets * L);
    this.accT = new Float64Array((L + 1) * L);
  }

  /** One example: tokens [from, to) of `feats` with gold labels. Returns true when the prediction was wrong. */
  update(feats: Int32Array, gold: Uint8Array, from: number, to: number): boolean {
    const pred = decode(this.model, feats, from, to);
    const K = FEATURES_PER_TOKEN;
    const mask = this.model.buckets - 1;
    const W = this.model.weights;
    const T = this.model.transitions;
    const c = this.step;
    let wrong = false;
    for (let i = from; i < to; i++) {
      const g = gold[i]!;
      const p = pred[i - from]!;
      const gp = i === from ? L : gold[i - 1]!;
      const pp = i === from ? L : pred[i - from - 1]!;
      if (g !== p) {
        wrong = true;
        for (let k = i * K, end = k + K; k < end; k++) {
          const b = (feats[k]! & mask) * L;
          W[b + g]! += 1;
          this.accW[b + g]! += c;
          W[b + p]! -= 1;
          this.accW[b + p]! -= c;
        }
      }
      if (g !== p || gp !== pp) {
        T[gp * L + g]! += 1;
        this.accT[gp * L + g]! += c;
        T[pp * L + p]! -= 1;
        this.accT[pp * L + p]! -= c;
      }
    }
    this.step++;
    return wrong;
  }

  /** The averaged weights (the model to ship): w − acc / steps. */
  averaged(): ChainModel {
    const c = this.step;
    const weights = new Float32Array(this.model.weights.length);
    for (let i = 0; i < weights.length; i++) weights[i] = this.model.weights[i]! - this.accW[i]! / c;
    const transitions = new Float32Array(this.model.transitions.length);
    for (let i = 0; i < transitions.length; i++) transitions[i] = this.model.transitions[i]! - this.accT[i]! / c;
    return { buckets: this.model.buckets, weights, transitions, temperature: 1 };
  }
}
