import { decodeModel, fromBase64, type EntityModel } from './codec';
import en from './data/en';
import pt from './data/pt';

const SOURCES: Record<string, string> = { en, pt };
const loaded = new Map<string, EntityModel>();

/**
 * The trained recognizer for a page's language (BCP 47; "en-GB" → en), decoded on first use, or null when the
 * language has none yet (the rules then run alone). Imported only by the analyser side (utils/analysis), never by
 * the always-on content script: the weights are megabytes.
 */
export function modelFor(lang: string | null | undefined): EntityModel | null {
  const base = (lang ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
  const source = SOURCES[base];
  if (!source) return null;
  let model = loaded.get(base);
  if (!model) {
    model = decodeModel(fromBase64(source));
    loaded.set(base, model);
  }
  return model;
}
