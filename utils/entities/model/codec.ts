import { gunzipSync, gzipSync, strFromU8, strToU8 } from 'fflate';
import { FEATURES_PER_TOKEN } from './features';
import { LABELS, type ChainModel } from './perceptron';

/**
 * The model file: a gzipped binary, shipped as a base64 string in a generated module (one format for the
 * CLI, the tests and the extension bundle, no fetch of an asset needed).
 * Layout: JSON header line, transitions as float32, then for every non-zero bucket the gap since the previous
 * one (varint) and its labels' weights as int16 × header.scale.
 */
interface Header {
  format: 'backstory-ner-1';
  lang: string;
  buckets: number;
  labels: number;
  features: number;
  scale: number;
  temperature: number;
  /** Free text: corpora, epochs, figures. */
  about: string;
}

/** A loaded model for one language. */
export interface EntityModel extends ChainModel {
  lang: string;
  about: string;
}

/** Serialises a model (weights quantised to 16 bits). */
export function encodeModel(model: ChainModel, lang: string, about: string): Uint8Array {
  const L = LABELS.length;
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 32767 || 1;
  const header: Header = { format: 'backstory-ner-1', lang, buckets: model.buckets, labels: L, features: FEATURES_PER_TOKEN, scale, temperature: model.temperature, about };
  const head = strToU8(JSON.stringify(header) + '\n');
  const parts: number[] = [];
  let prev = -1;
  const q = new Int16Array(L);
  for (let b = 0; b < model.buckets; b++) {
    let any = false;
    for (let l = 0; l < L; l++) {
      q[l] = Math.round(model.weights[b * L + l]! / scale);
      if (q[l] !== 0) any = true;
    }
    if (!any) continue;
    let gap = b - prev;
    prev = b;
    while (gap >= 0x80) {
      parts.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    parts.push(gap);
    for (let l = 0; l < L; l++) parts.push(q[l]! & 0xff, (q[l]! >> 8) & 0xff);
  }
  const trans = new Uint8Array(new Float32Array(model.transitions).buffer);
  const body = new Uint8Array(head.length + trans.length + parts.length);
  body.set(head, 0);
  body.set(trans, head.length);
  body.set(parts, head.length + trans.length);
  // mtime 0: the same weights give the same bytes, so retraining is reproducible byte for byte.
  return gzipSync(body, { level: 9, mtime: 0 });
}

/** Reads a model written by encodeModel; throws on a file from another format or feature set. */
export function decodeModel(gz: Uint8Array): EntityModel {
  const body = gunzipSync(gz);
  const nl = body.indexOf(10);
  const header = JSON.parse(strFromU8(body.subarray(0, nl))) as Header;
  if (header.format !== 'backstory-ner-1' || header.labels !== LABELS.length || header.features !== FEATURES_PER_TOKEN) {
    throw new Error(`entity model: unsupported file (${header.format}, ${header.features} features)`);
  }
  const L = header.labels;
  let at = nl + 1;
  const tLen = (L + 1) * L;
  const transitions = new Float32Array(body.slice(at, at + tLen * 4).buffer);
  at += tLen * 4;
  const weights = new Float32Array(header.buckets * L);
  let b = -1;
  while (at < body.length) {
    let gap = 0;
    let shift = 0;
    for (;;) {
      const byte = body[at++]!;
      gap |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    b += gap;
    for (let l = 0; l < L; l++) {
      const v = (body[at]! | (body[at + 1]! << 8)) << 16 >> 16;
      weights[b * L + l] = v * header.scale;
      at += 2;
    }
  }
  return { buckets: header.buckets, weights, transitions, temperature: header.temperature, lang: header.lang, about: header.about };
}

/** Base64 for the generated module, and back (atob/btoa exist in Node ≥ 16 and in every browser). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Inverse of toBase64. */
export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
