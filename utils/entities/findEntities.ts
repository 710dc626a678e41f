import type { EntityModel } from './model/codec';
import { combineWithModel, type ModelPolicy } from './model/combine';
import { isFirstName, isKnownOrganization, isLastName, lookupDemonym, lookupPlace, nameKey } from './gazetteer';
import { languagePath } from './languages';
import { ACRONYMS, FICTIONAL } from './lexicon';
import { spotCandidates, type Candidate } from './spot';
import { tokenize } from './tokenize';
import type { Entity, EntityType, Mention } from './types';
import { findWorkTitles } from './works';

/** What findEntities reads: the article text (offsets refer to it) and optional signals from extraction. */
export interface EntityInput {
  text: string;
  /** The headline: names in it help typing. */
  title?: string | null;
  /** The author line: tells which all-caps line is the author. */
  byline?: string | null;
  /** BCP 47 language of the text: chooses the language path (utils/entities/languages); guessed from the text when missing. */
  lang?: string | null;
}

/** Options for findEntities. */
export interface FindEntitiesOptions {
  /** Count nationality words as mentions of their country ("Russian" → Russia). Default false. */
  demonyms?: boolean;
  /** Also return works (film and book titles) as type 'other'. Default true. */
  works?: boolean;
  /** A trained recognizer (utils/entities/model/load.ts modelFor): it decides the spans, the rules group them. */
  model?: EntityModel | null;
  /** How rules and model combine (default by the model's language: model/combine.ts defaultPolicy). */
  modelPolicy?: ModelPolicy;
}

interface Resolved {
  cand: Candidate;
  type: EntityType;
  /** Grouping key: canonical name's key. */
  group: string;
  name: string;
  fictional?: boolean;
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Words of a key for matching surnames to full names; initials ("l") carry no weight. */
const keyWords = (key: string): string[] => key.split(' ').filter((w) => w.length > 1);

/**
 * Finds the people, places and organisations named in an article, one entity per real-world referent,
 * each with every mention (offsets into `input.text`), most-mentioned first.
 */
export function findEntities(input: EntityInput, options: FindEntitiesOptions = {}): Entity[] {
  const text = typeof input.text === 'string' ? input.text : '';
  if (!text) return [];
  // Language path (issue 12): nothing in scripts without capitals; per-language passes on tokens, candidates, entities.
  const language = languagePath(input.lang, text);
  if (language.support.entities === 'none') return [];
  const { tokens, lines } = tokenize(text);
  language.adaptTokens(tokens);
  const works = findWorkTitles(text, tokens);
  const inWork = new Uint8Array(tokens.length);
  for (const w of works) for (let k = w.first; k <= w.last; k++) inWork[k] = 1;
  const bylineKey = input.byline ? nameKey(input.byline.replace(/^\s*by\s+/i, '')) : null;
  const raw = language.adaptCandidates(text, tokens, spotCandidates(text, tokens, lines, (k) => inWork[k] === 1, bylineKey));

  // Names in the headline (when the text does not start with it) inform typing and linking, but are not mentions:
  // their offsets are made negative so nothing from them reaches the output.
  const title = input.title?.trim() ?? '';
  let titleCands: Candidate[] = [];
  if (title && !text.trimStart().startsWith(title) && title.length < 1000) {
    const t = tokenize(title);
    language.adaptTokens(t.tokens);
    const shift = -title.length - 1;
    titleCands = language.adaptCandidates(title, t.tokens, spotCandidates(title, t.tokens, t.lines, () => false, null)).map((c) => ({ ...c, start: c.start + shift, end: c.end + shift, furniture: false }));
  }
  const cands = splitHyphenated([...titleCands, ...raw]);
  const resolved = resolve(text, cands, input.title ?? null);

  const entities = new Map<string, Entity & { first: number }>();
  const ids = new Map<string, string>();
  const add = (type: EntityType, name: string, groupKey: string, mention: Mention, fictional?: boolean): void => {
    const idKey = `${type}\u0000${name}`;
    let id = ids.get(idKey);
    if (id === undefined) {
      id = `${type}:${slug(name) || slug(groupKey) || 'x'}`;
      ids.set(idKey, id);
    }
    let e = entities.get(id);
    if (!e) {
      e = { id, type, name, aliases: [], mentions: [], first: mention.start };
      if (fictional) e.fictional = true;
      entities.set(id, e);
    }
    e.mentions.push(mention);
  };
  const authors = new Set<string>();
  for (const r of resolved) {
    if (r.cand.start < 0) continue;
    add(r.type, r.name, r.group, { start: r.cand.start, end: r.cand.end, text: text.slice(r.cand.start, r.cand.end) }, r.fictional);
    if (r.cand.kind === 'byline') authors.add(r.name);
  }
  if (options.demonyms) {
    for (const c of cands) {
      if (c.kind !== 'demonym' || c.start < 0) continue;
      const country = lookupDemonym(c.name);
      if (!country) continue;
      const place = lookupPlace(country)?.name ?? country;
      add('place', place, nameKey(place), { start: c.start, end: c.end, text: text.slice(c.start, c.end) });
    }
  }
  if (options.works !== false) {
    for (const w of works) {
      const title = text.slice(w.start, w.end);
      add('other', title, nameKey(title), { start: w.start, end: w.end, text: title });
    }
  }

  const result: Entity[] = [];
  for (const e of entities.values()) {
    e.mentions.sort((x, y) => x.start - y.start);
    const seen = new Set<string>([e.name]);
    for (const m of e.mentions) {
      if (!seen.has(m.text)) {
        seen.add(m.text);
        e.aliases.push(m.text);
      }
    }
    const { first: _first, ...entity } = e;
    if (entity.type === 'person' && authors.has(entity.name)) entity.author = true;
    result.push(entity);
  }
  const firstOf = new Map(result.map((e) => [e.id, e.mentions[0]?.start ?? 0]));
  // Most mentioned first; on a tie the people the article is about come before its author, then reading order.
  result.sort(
    (x, y) =>
      y.mentions.length - x.mentions.length || Number(!!x.author) - Number(!!y.author) || (firstOf.get(x.id) ?? 0) - (firstOf.get(y.id) ?? 0),
  );
  // Issue 12: the model's one entry point (it proposes and scores spans over the rules' result); the language path
  // then applies what data cannot teach (German nouns, elision, particles) to the rules' and the model's spans alike.
  const combined = options.model ? combineWithModel(text, result, options.model, options.modelPolicy) : result;
  return language.adaptEntities(combined);
}

/**
 * "Putin-Kim summit" names two people: split a capitalised hyphenated word when each part is a name seen
 * on its own elsewhere in the article (so "Rolls-Royce" and "Guinea-Bissau" stay whole).
 */
function splitHyphenated(cands: Candidate[]): Candidate[] {
  const known = new Set<string>();
  // Words used on their own somewhere (a part of another hyphenated name does not count: "Okonjo-Iweala").
  for (const c of cands) for (const w of c.name.split(/\s+/)) if (!/[-‐]/.test(w)) known.add(nameKey(w));
  const out: Candidate[] = [];
  for (const c of cands) {
    const parts = c.name.split(/[-‐]/);
    if (
      c.words === 1 &&
      parts.length === 2 &&
      parts.every((p) => /^\p{Lu}/u.test(p) && known.has(nameKey(p))) &&
      !lookupPlace(c.name)
    ) {
      let offset = c.start;
      for (const p of parts) {
        out.push({ ...c, start: offset, end: offset + p.length, name: p, key: nameKey(p), firstNameFirst: isFirstName(p) });
        offset += p.length + 1;
      }
    } else out.push(c);
  }
  return out;
}

// Family-name endings common in news from eastern and southern Europe, the Caucasus and Turkey
// ("Vondrousova", "Djokovic", "Zelenskiy", "Kasukuwere" is not one): enough to call an unknown full name a person.
const SURNAME_ENDING = /(?:ova|eva|ov|ev|ski|sky|skiy|ska|enko|chuk|vich|vić|vic|ić|dze|shvili|yan|oğlu|oglu|escu|ović|sson|sen|poulos|akis)$/u;

type Intrinsic = { type: EntityType; name: string; fictional?: boolean; sure: boolean } | null;

/** What a candidate is on its own evidence, before looking at the rest of the article. */
function intrinsic(c: Candidate): Intrinsic {
  if (c.kind === 'demonym') return null;
  const fictionalKey = c.key.replace(/ /g, '-');
  if (FICTIONAL.has(fictionalKey)) return { type: 'person', name: c.name, fictional: true, sure: true };
  if (c.kind === 'byline') return { type: 'person', name: c.name, sure: true };
  const acronym = ACRONYMS[c.name];
  if (acronym) return { type: acronym.type, name: acronym.name, sure: true };
  const place = lookupPlace(c.name);
  if (c.kind === 'dateline') return { type: 'place', name: place?.name ?? c.name, sure: true };
  if (place && !c.titled) return { type: 'place', name: place.name, sure: place.kind === 'country' || c.words > 1 };
  if (isKnownOrganization(c.name)) return { type: 'organization', name: c.name, sure: true };
  if (c.orgKeyword) return { type: 'organization', name: c.name, sure: true };
  if (c.placeKeyword) return { type: 'place', name: c.name, sure: true };
  // "Whole Foods said" is not a person: "said" counts only for names made of words the text never uses in lower case.
  const strongPerson = c.titled || c.nationality || c.personContext || (c.saidContext && !c.commonWord);
  // "Floods in Rio Grande do Sul": a particle or a first-name-like word does not outweigh "in".
  if (c.words >= 2 && c.placeContext && !strongPerson) return { type: 'place', name: c.name, sure: false };
  if (c.words >= 2 && (c.firstNameFirst || c.hasParticle || strongPerson)) {
    return { type: 'person', name: c.name, sure: true };
  }
  const last = c.name.split(/\s+/).pop() ?? '';
  if (c.words >= 2 && (isLastName(last) || SURNAME_ENDING.test(last))) return { type: 'person', name: c.name, sure: true };
  if (c.titled) return { type: 'person', name: c.name, sure: false };
  return null;
}

/** Types every candidate and links short forms (surnames, first names) to the full names used elsewhere. */
function resolve(text: string, cands: Candidate[], title: string | null): Resolved[] {
  const info = cands.map(intrinsic);
  // Evidence gathered over every mention of the same surface form.
  const votes = new Map<string, { person: number; place: number; plain: number; all: number }>();
  cands.forEach((c) => {
    const v = votes.get(c.key) ?? { person: 0, place: 0, plain: 0, all: 0 };
    v.all++;
    if (c.titled || c.personContext) v.person++;
    if (c.placeContext) v.place++;
    if (!c.sentenceInitial && !c.furniture) v.plain++;
    votes.set(c.key, v);
  });
  // An unknown full name is a person when its surname or first name is used alone as a person elsewhere
  // ("Denzel Washington … Washington, 69,", "Hori Parata … Parata, 75,").
  const usedAsPerson = (w: string): boolean => (votes.get(w)?.person ?? 0) > 0;
  cands.forEach((c, i) => {
    if (info[i] || c.kind !== 'name' || c.furniture) return;
    const w = keyWords(c.key);
    if (w.length >= 2 && (usedAsPerson(w[w.length - 1]!) || usedAsPerson(w[0]!))) info[i] = { type: 'person', name: c.name, sure: true };
  });
  // People named in full: group by key (initials ignored, so the byline and the bio agree).
  interface Person {
    key: string;
    name: string;
    words: string[];
    positions: number[];
    fictional: boolean;
    mixedCase: boolean;
  }
  const people = new Map<string, Person>();
  const personKey = (c: Candidate): string => keyWords(c.key).join(' ');
  cands.forEach((c, i) => {
    const it = info[i];
    if (!it || it.type !== 'person' || c.words < 2) return;
    const k = personKey(c);
    let p = people.get(k);
    const mixed = c.kind !== 'byline';
    if (!p) {
      p = { key: k, name: it.name, words: k.split(' '), positions: [], fictional: !!it.fictional, mixedCase: mixed };
      people.set(k, p);
    } else if ((mixed && !p.mixedCase) || (mixed === p.mixedCase && it.name.length > p.name.length)) {
      p.name = it.name;
      p.mixedCase = mixed;
    }
    p.positions.push(c.start);
  });
  // A shorter full name inside a longer one ("Vladimir Putin" in "Vladimir Vladimirovich Putin") is the same person.
  const byLength = [...people.values()].sort((x, y) => y.words.length - x.words.length);
  const alias = new Map<string, Person>();
  // Compare only names with the same last word, so a long text with thousands of names stays linear in practice.
  const bySurname = new Map<string, Person[]>();
  for (const p of byLength) {
    const last = p.words[p.words.length - 1]!;
    const list = bySurname.get(last) ?? [];
    list.push(p);
    bySurname.set(last, list);
  }
  for (const p of byLength) {
    const longer = bySurname
      .get(p.words[p.words.length - 1]!)!
      .find((q) => q !== p && q.words.length > p.words.length && p.words.every((w) => q.words.includes(w)));
    alias.set(p.key, longer ? (alias.get(longer.key) ?? longer) : p);
  }
  const personOf = (c: Candidate): Person | undefined => alias.get(personKey(c));
  const wordIndex = new Map<string, Person[]>();
  const distinctPeople = [...new Set(alias.values())];
  for (const p of distinctPeople) {
    for (const w of p.words) {
      const list = wordIndex.get(w) ?? [];
      if (!list.includes(p)) list.push(p);
      wordIndex.set(w, list);
    }
  }
  const nearest = (list: Person[], pos: number): Person => {
    if (list.length === 1) return list[0]!;
    let best = list[0]!;
    let bestDist = Infinity;
    for (const p of list) {
      // Positions are in reading order: binary-search the last full mention at or before pos.
      let lo = 0;
      let hi = p.positions.length - 1;
      let before = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (p.positions[mid]! <= pos) {
          before = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      // Prefer the closest full name before the short form; one after counts as farther.
      const dBefore = before >= 0 ? pos - p.positions[before]! : Infinity;
      const after = p.positions[before + 1];
      const dAfter = after !== undefined ? (after - pos) * 4 : Infinity;
      const d = Math.min(dBefore, dAfter);
      if (d < bestDist) {
        bestDist = d;
        best = p;
      }
    }
    return best;
  };
  const titleKey = title ? nameKey(title) : '';
  // Names used in running prose: furniture lines (headlines, captions, "Similar News") may only repeat them.
  const prose = new Set<string>();
  for (const c of cands) if (!c.furniture) for (const w of keyWords(c.key)) prose.add(w);
  const confirmed = (c: Candidate): boolean =>
    !c.furniture || keyWords(c.key).every((w) => prose.has(w)) || !!lookupPlace(c.name) || !!ACRONYMS[c.name] || (titleKey !== '' && titleKey.includes(c.key));

  // Does a person's name end right before " of " this candidate?
  const personEnds = new Set<number>();
  cands.forEach((c, i) => {
    if (info[i]?.type === 'person' || people.has(personKey(c))) personEnds.add(c.end);
  });
  const personEndsAt = (c: Candidate): boolean => {
    const m = /\s+of\s+$/.exec(text.slice(Math.max(0, c.start - 8), c.start));
    return !!m && personEnds.has(c.start - m[0].length);
  };
  const out: Resolved[] = [];
  const pending: Candidate[] = [];
  cands.forEach((c, i) => {
    if (c.kind === 'demonym' || !confirmed(c)) return;
    const it = info[i] ?? null;
    const full = personOf(c);
    if (full && c.words >= 2) {
      out.push({ cand: c, type: 'person', group: full.key, name: full.name, fictional: full.fictional || undefined });
      return;
    }
    // A short form: does it belong to a person named in full?
    const words = keyWords(c.key);
    const owners = words.length > 0 ? (wordIndex.get(words.join(' ')) ?? (words.length === 1 ? undefined : matchAll(words))) : undefined;
    const surePlaceHere =
      it?.type === 'place' &&
      (c.placeContext || c.kind === 'dateline' || (it.sure && !c.titled && lookupPlace(c.name)?.kind === 'country') || (c.ofAfterName && personEndsAt(c)));
    if (owners && owners.length > 0 && !surePlaceHere && it?.type !== 'organization') {
      const p = nearest(owners, c.start);
      out.push({ cand: c, type: 'person', group: p.key, name: p.name, fictional: p.fictional || undefined });
      return;
    }
    if (it) {
      out.push({ cand: c, type: it.type, group: nameKey(it.name), name: it.name, fictional: it.fictional });
      return;
    }
    if (c.furniture) return;
    if (words.length >= 2) {
      // An unknown full name that shares a surname with someone named in full is family ("Jeb Bush").
      const lastWord = words[words.length - 1]!;
      if ((wordIndex.get(lastWord) ?? []).some((p) => p.words[p.words.length - 1] === lastWord)) {
        out.push({ cand: c, type: 'person', group: personKey(c), name: c.name });
        return;
      }
      // "the United States Embassies": a known place followed by ordinary capitalised nouns.
      const parts = c.name.split(' ');
      for (let n = Math.min(4, parts.length - 1); n >= 1; n--) {
        const prefix = parts.slice(0, n).join(' ');
        const place = lookupPlace(prefix);
        if (place) {
          out.push({ cand: { ...c, end: c.start + prefix.length, name: prefix, key: nameKey(prefix), words: n }, type: 'place', group: nameKey(place.name), name: place.name });
          return;
        }
      }
      return;
    }
    // Unknown single words: decide by how the article uses them everywhere.
    const v = votes.get(c.key)!;
    if (v.plain === 0) return;
    // One "in Amazon’s" among seventeen mentions does not make a company a place: the clue must be common.
    const total = v.all;
    if (v.person > 0 && v.person >= v.place && v.person * 4 >= total) {
      out.push({ cand: c, type: 'person', group: c.key, name: c.name });
    } else if (v.place > 0 && v.place * 4 >= total) {
      out.push({ cand: c, type: 'place', group: c.key, name: c.name });
    } else {
      pending.push(c);
    }
  });
  // Coordination: "in Seattle and Spokane", "Italy, Poland and Spain" — an unknown word listed with places.
  if (pending.length) {
    const byEnd = new Map<number, Resolved>();
    for (const r of out) byEnd.set(r.cand.end, r);
    for (const c of pending) {
      if (c.start < 0) continue;
      const m = /(?:,|\band|\bor)\s*$/.exec(text.slice(Math.max(0, c.start - 8), c.start));
      if (!m) continue;
      let end = c.start - m[0].length;
      while (end > 0 && /\s/.test(text[end - 1]!)) end--;
      const prev = byEnd.get(end);
      if (prev && prev.type === 'place') out.push({ cand: c, type: 'place', group: c.key, name: c.name });
    }
    out.sort((x, y) => x.cand.start - y.cand.start);
  }
  return out;

  function matchAll(words: string[]): Person[] | undefined {
    const list = distinctPeople.filter((p) => words.every((w) => p.words.includes(w)));
    return list.length ? list : undefined;
  }
}
