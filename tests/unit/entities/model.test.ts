import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/entities/findEntities';
import { decodeModel, encodeModel } from '../../../utils/entities/model/codec';
import { extractFeatures, FEATURES_PER_TOKEN } from '../../../utils/entities/model/features';
import { modelFor } from '../../../utils/entities/model/load';
import { ChainTrainer, decode, LABELS, labelIndex } from '../../../utils/entities/model/perceptron';
import { modelTokens } from '../../../utils/entities/model/tokens';
import { seededRandom } from '../../../scripts/lib/seededRandom';
import { SEED_TEXT } from '../../../scripts/lib/seed';

const tiny = (): { feats: Int32Array; gold: Uint8Array } => {
  const text = 'Yesterday Anna Kowalczyk met Boris Ivanov in Lodz . Then Anna Kowalczyk left Lodz .';
  const t = modelTokens(text);
  const gold = Uint8Array.from(t.words.map((w) => {
    if (w === 'Anna' || w === 'Boris') return labelIndex('B-PER');
    if (w === 'Kowalczyk' || w === 'Ivanov') return labelIndex('I-PER');
    if (w === 'Lodz') return labelIndex('B-LOC');
    return 0;
  }));
  return { feats: extractFeatures(t.words, new Uint8Array(t.words.length), t.newline), gold };
};

describe('entity model', () => {
  it('decodes only BIO-valid sequences, whatever the weights', () => {
    const random = seededRandom(3);
    const trainer = new ChainTrainer(1 << 10);
    const m = trainer.model;
    for (let i = 0; i < m.weights.length; i++) m.weights[i] = random() * 2 - 1;
    for (let i = 0; i < m.transitions.length; i++) m.transitions[i] = random() * 2 - 1;
    const n = 200;
    const feats = new Int32Array(n * FEATURES_PER_TOKEN);
    for (let i = 0; i < feats.length; i++) feats[i] = Math.floor(random() * 2 ** 31);
    const conf = new Float32Array(n);
    const tags = decode(m, feats, 0, n, conf);
    for (let i = 0; i < n; i++) {
      const tag = LABELS[tags[i]!]!;
      if (tag.startsWith('I-')) expect(i > 0 && LABELS[tags[i - 1]!]!.slice(2) === tag.slice(2)).toBe(true);
      expect(conf[i]).toBeGreaterThan(0);
      expect(conf[i]).toBeLessThanOrEqual(1);
    }
  });

  it('learns a tiny example, and the same data gives the same bytes', () => {
    const { feats, gold } = tiny();
    const run = (): Uint8Array => {
      const trainer = new ChainTrainer(1 << 12);
      for (let e = 0; e < 20; e++) trainer.update(feats, gold, 0, gold.length);
      const model = trainer.averaged();
      expect([...decode(model, feats, 0, gold.length)]).toEqual([...gold]);
      return encodeModel(model, 'en', 'test');
    };
    expect(run()).toEqual(run());
  });

  it('round-trips through the file format within 16-bit quantisation', () => {
    const { feats, gold } = tiny();
    const trainer = new ChainTrainer(1 << 12);
    for (let e = 0; e < 3; e++) trainer.update(feats, gold, 0, gold.length);
    const model = trainer.averaged();
    const back = decodeModel(encodeModel(model, 'en', 'about'));
    expect(back.lang).toBe('en');
    expect([...back.transitions]).toEqual([...model.transitions]);
    let max = 0;
    for (const w of model.weights) max = Math.max(max, Math.abs(w));
    for (let i = 0; i < model.weights.length; i++) expect(Math.abs(back.weights[i]! - model.weights[i]!)).toBeLessThanOrEqual(max / 32767);
  });

  it('the shipped English model finds a person with no cue word and no gazetteer hit, with a confidence', () => {
    const text = 'The former Romania captain Gheorghe Hagi watched from the stands as Viitorul beat Steaua 2-1 on Sunday.';
    const rules = findEntities({ text }).map((e) => e.name);
    const withModel = findEntities({ text }, { model: modelFor('en') });
    const hagi = withModel.find((e) => e.name === 'Gheorghe Hagi');
    expect(hagi?.type, `rules alone: ${rules.join(', ')}`).toBe('person');
    expect(hagi!.confidence).toBeGreaterThan(0);
    expect(hagi!.confidence).toBeLessThanOrEqual(1);
    for (const e of withModel) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('has no model for a language it was not trained on (the rules then run alone)', () => {
    expect(modelFor('zh')).toBeNull();
    expect(modelFor('en-GB')).toBe(modelFor('en'));
  });
});

describe('entity model on the seed column', () => {
  it('keeps the rules’ 15 entities with their mentions, and adds no junk', async () => {
    const { readFileSync } = await import('node:fs');
    const text = SEED_TEXT;
    const input = { text, title: 'Axis of outcasts: Putin and Kim’s cartoon summit', byline: 'Nina L. Khrushcheva' };
    const shown = (es: ReturnType<typeof findEntities>): string[] =>
      es.filter((e) => !e.fictional && e.type !== 'other').map((e) => `${e.id} ${e.mentions.length}`).sort();
    const rules = shown(findEntities(input));
    expect(rules.length).toBeGreaterThanOrEqual(15);
    expect(shown(findEntities(input, { model: modelFor('en') }))).toEqual(rules);
  });
});
