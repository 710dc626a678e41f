import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../utils/entities/findEntities';
import { isGermanCommonNoun } from '../../../utils/entities/languages/germanNouns';
import { languageSupport } from '../../../utils/entities/languages';
import { russianKey } from '../../../utils/entities/languages/russian';
import { junkEntities, loadLanguageSet, missedPeople, notPeople } from '../../../scripts/lib/languageSet';

const docs = loadLanguageSet();

describe('the language test set (five non-English pages of shared/pages, German and Russian news written for it)', () => {
  it('holds the five pages and a German and a Russian text, every span matching its text', () => {
    for (const page of ['folha', 'heise', 'la-nacion', 'lemonde-1', 'aktualne']) expect(docs.some((d) => d.id === `page-${page}`), page).toBe(true);
    expect(docs.some((d) => d.id.startsWith('written-') && d.lang === 'de')).toBe(true);
    expect(docs.some((d) => d.id.startsWith('written-') && d.lang === 'ru')).toBe(true);
    for (const d of docs) {
      for (const s of d.spans) expect(d.text.slice(s.start, s.end), d.id).toBe(s.text);
      for (const p of d.people) expect(d.text.includes(p), `${d.id}: ${p}`).toBe(true);
    }
  });

  for (const d of docs) {
    it(`${d.id}: no junk entity, no non-person listed as a person, every named person found`, () => {
      const entities = findEntities({ text: d.text, lang: d.lang });
      expect(junkEntities(d, entities).map((e) => `${e.type}: ${e.name}`)).toEqual([]);
      expect(notPeople(d, entities).map((e) => e.name)).toEqual([]);
      expect(missedPeople(d, entities)).toEqual(d.knownMisses);
    });
  }

  it('the English rules alone fail on them (so the test above can fail)', () => {
    const heise = docs.find((d) => d.id === 'page-heise')!;
    expect(junkEntities(heise, findEntities({ text: heise.text, lang: 'en' })).length).toBeGreaterThan(0);
    const ru = docs.find((d) => d.lang === 'ru')!;
    expect(missedPeople(ru, findEntities({ text: ru.text, lang: 'en' })).length).toBe(ru.people.length);
  });
});

describe('language rules', () => {
  it('keeps particles in lower case: "Rio de Janeiro" is never recapitalised', () => {
    const names = findEntities({ text: 'Choveu muito no morro do Rio de Janeiro ontem.', lang: 'pt-BR' }).map((e) => e.name);
    expect(names).toContain('Rio de Janeiro');
    expect(names).not.toContain('Rio De Janeiro');
  });

  it('French elision: "L’avis de la CNCTR" is not a person, "l’UMP Laure de la Raudière" is Laure de la Raudière', () => {
    const text = 'Parmi eux figure l’UMP Laure de la Raudière. L’avis de la CNCTR ne sera pas contraignant. L’avis de la CNCTR est attendu.';
    const people = findEntities({ text, lang: 'fr' }).filter((e) => e.type === 'person').map((e) => e.name);
    expect(people).toEqual(['Laure de la Raudière']);
  });

  it('German: capitalised common nouns are not names, surnames that are nouns still are', () => {
    for (const w of ['Zahl', 'Zusatzfelder', 'Erstellen', 'Einmal-Passwörtern', 'Oberbürgermeisterin', 'Kindergärten']) expect(isGermanCommonNoun(w), w).toBe(true);
    for (const w of ['Freiburg', 'Putin', 'Scholz', 'Moskau', 'Donau']) expect(isGermanCommonNoun(w), w).toBe(false);
    const text = 'Oberbürgermeister Martin Horn sagte in der Sitzung, die Zahl der Zusatzfelder sei gestiegen. Horn kündigte weitere Schritte an.';
    const people = findEntities({ text, lang: 'de' }).filter((e) => e.type === 'person');
    expect(people.map((e) => e.name)).toEqual(['Martin Horn']);
    expect(people[0]!.mentions.map((m) => m.text)).toEqual(['Martin Horn', 'Horn']);
  });

  it('Russian: Cyrillic names in any case form are one person, places too', () => {
    const text = 'Президент России Владимир Путин провел совещание. Путину доложили о ситуации в Москве. Из Москвы вылетели спасатели.';
    const entities = findEntities({ text, lang: 'ru' });
    const putin = entities.find((e) => e.type === 'person')!;
    expect(putin.name).toBe('Владимир Путин');
    expect(putin.mentions.map((m) => m.text)).toEqual(['Владимир Путин', 'Путину']);
    expect(entities.filter((e) => e.type === 'place').map((e) => e.name).sort()).toEqual(['Москва', 'Россия']);
    expect(russianKey('Путина')).toBe(russianKey('Путин'));
  });

  it('chooses the path from the page language, guesses it from the text when missing, and refuses uncased scripts', () => {
    expect(languageSupport('de-DE', 'Die Stadt will alle Dächer nutzen.')).toEqual({ lang: 'de', name: 'German', entities: 'full' });
    const laNacion = docs.find((d) => d.id === 'page-la-nacion')!;
    expect(languageSupport(null, laNacion.text).lang).toBe('es');
    expect(languageSupport('cs', 'Tým manažera Davida Moyese prohání giganty.').entities).toBe('basic');
    expect(languageSupport('zh-CN', '国家主席习近平在人民大会堂会见法国总统。')).toEqual({ lang: 'zh', name: 'Chinese', entities: 'none' });
    expect(languageSupport('en', '国家主席习近平在人民大会堂会见法国总统。').entities).toBe('none');
    expect(findEntities({ text: '国家主席习近平在人民大会堂会见法国总统马克龙。NATO', lang: 'zh' })).toEqual([]);
  });
});
