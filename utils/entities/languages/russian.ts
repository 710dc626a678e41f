/**
 * Russian names in Cyrillic. The gazetteer's first names and places are Latin-script, and Russian inflects names
 * ("Путин", "Путина", "Путину"), so this file keeps a stem for each mention and short Cyrillic lists: common first
 * names and the places most named in Russian news, each under its stem with its nominative form.
 * Hand-written: no package we can ship carries Cyrillic given names or Russian exonyms (checked the npm registry's
 * dictionary-ru: its proper nouns are not marked as names or places).
 */

// Case endings, longest first; the stem keeps at least three letters.
const ENDINGS = ['ыми', 'ими', 'ого', 'его', 'ому', 'ему', 'ой', 'ей', 'ый', 'ий', 'ая', 'яя', 'ую', 'юю', 'ым', 'им', 'ом', 'ем', 'ам', 'ям', 'ах', 'ях', 'а', 'я', 'у', 'ю', 'е', 'ы', 'и', 'о', 'ь'];

/** The stem of a Russian word, the same for its case forms ("Путину" → "путин", "Москве" → "москв"). */
export function russianStem(word: string): string {
  let w = word.toLowerCase().replace(/ё/g, 'е');
  for (const e of ENDINGS) {
    if (w.length - e.length >= 3 && w.endsWith(e)) {
      w = w.slice(0, -e.length);
      break;
    }
  }
  // "Дмитрий"/"Дмитрия", "Сергей"/"Сергея": a soft stem's last vowel or glide.
  if (w.length > 3 && /[йиье]$/u.test(w)) w = w.slice(0, -1);
  return w;
}

/** The stem key of a name: each word's stem, hyphens as spaces. */
export function russianKey(name: string): string {
  return name
    .split(/[\s\-‐]+/u)
    .filter(Boolean)
    .map(russianStem)
    .join(' ');
}

const FIRST_NAMES = `
  Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артем Борис Вадим Валентин Валерий Василий Виктор
  Виталий Владимир Владислав Вячеслав Геннадий Георгий Герман Глеб Григорий Даниил Денис Дмитрий Евгений Егор Иван
  Игорь Илья Кирилл Константин Лев Леонид Максим Марат Михаил Никита Николай Олег Павел Пётр Петр Роман Руслан
  Рамзан Сергей Станислав Степан Тимур Фёдор Федор Эдуард Юрий Ярослав Вольфганг Джо Дональд Эммануэль Ангела Олаф
  Алла Алина Анастасия Анна Валентина Вера Виктория Галина Дарья Екатерина Елена Елизавета
  Ирина Ксения Лариса Любовь Людмила Маргарита Марина Мария Надежда Наталья Наталия Нина Ольга Полина Светлана
  София Софья Татьяна Юлия Эльвира Элла
`;

const firstNameStems = new Set(FIRST_NAMES.trim().split(/\s+/).map(russianStem));

/** True when a Cyrillic word is a common first name in any case form ("Владимира"). */
export function isRussianFirstName(word: string): boolean {
  return /^\p{Script=Cyrillic}/u.test(word) && firstNameStems.has(russianStem(word));
}

// Nominative forms; looked up by stem so every case form matches.
const PLACES = `
  Россия Москва Санкт-Петербург Петербург Украина Киев Харьков Одесса Донецк Луганск Крым Севастополь Белоруссия
  Беларусь Минск Казахстан Астана Грузия Тбилиси Армения Ереван Азербайджан Баку Молдавия Молдова Кишинёв
  Латвия Литва Эстония Рига Вильнюс Таллин Польша Варшава Германия Берлин Франция Париж Италия Рим Испания Мадрид
  Великобритания Британия Лондон Европа Азия Африка Америка США Вашингтон Нью-Йорк Китай Пекин Япония Токио
  Индия Турция Анкара Стамбул Иран Тегеран Ирак Сирия Израиль Египет Каир Бразилия Канада Австралия
  Финляндия Хельсинки Швеция Стокгольм Норвегия Венгрия Будапешт Сербия Белград Чехия Прага Австрия Вена Швейцария Женева
  Сибирь Кавказ Чечня Дагестан Татарстан Казань Новосибирск Екатеринбург Владивосток Калининград Самара Сочи
  Новгород Ростов-на-Дону Краснодар Курск Белгород Брянск Уссурийск Хабаровск Находка Приморье Воронеж Мурманск Якутия Камчатка Арктика
`;

const placeByStem = new Map<string, string>();
for (const p of PLACES.trim().split(/\s+/)) if (!placeByStem.has(russianKey(p))) placeByStem.set(russianKey(p), p);

/** The nominative of a Russian place name in any case form ("Москве" → "Москва"), if it is a known place. */
export function russianPlace(name: string): string | undefined {
  return placeByStem.get(russianKey(name));
}
