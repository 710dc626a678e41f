/**
 * Hand-written word lists for spotting and typing names. Kept here rather than in the generated gazetteer
 * because they are judgement calls about news English (which words are titles, which end an organisation's
 * name), not facts a package maintains.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*|\s+/).filter(Boolean));

/**
 * Lower-cased words that are titles or roles: before a name they mark a person ("President Vladimir Putin",
 * "North Korean leader Kim Jong-un", "striker Harry Kane") and are not part of the name.
 */
export const TITLE_WORDS = set(`
  president presidents vice prime minister ministers premier chancellor secretary senator sen sen. governor gov gov.
  mayor king queen prince princess pope cardinal archbishop bishop rabbi imam sheikh sheik emir sultan ayatollah
  leader leaders supreme chairman chairwoman chair chief executive ceo cfo coo founder co-founder director
  spokesman spokeswoman spokesperson ambassador envoy general gen gen. colonel col col. lieutenant lt lt. major maj
  captain capt capt. commander admiral sergeant sgt corporal private marshal
  mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev. reverend
  judge justice attorney lawyer prosecutor detective inspector officer
  coach manager striker midfielder defender goalkeeper forward winger quarterback pitcher batsman bowler skipper
  captain player champion star singer actor actress director-general author writer journalist columnist
  economist analyst historian researcher scientist chemist physicist activist dissident opposition
  deputy foreign defence defense interior finance trade home health economy economic state junior acting former
  then-president president-elect late crown attorney-general solicitor-general secretary-general commissioner
  superintendent chief-executive
`);

/**
 * Lower-case role nouns that, right before a capitalised name, mark a person ("leader Kim Jong-un",
 * "striker Harry Kane"). Narrower than TITLE_WORDS: "a major Seattle industry", "the state Duma" are not people.
 */
export const ROLE_CUES = set(`
  president leader minister chancellor secretary senator governor mayor king queen prince princess pope
  cardinal archbishop bishop rabbi imam sheikh emir sultan ayatollah premier
  coach manager striker midfielder defender goalkeeper winger quarterback pitcher batsman bowler skipper captain
  author writer novelist poet journalist columnist reporter editor correspondent photographer economist analyst
  historian researcher scientist professor activist dissident spokesman spokeswoman spokesperson ambassador envoy
  judge prosecutor lawyer attorney detective inspector actor actress singer rapper director producer founder
  co-founder ceo chairman chairwoman executive chief commissioner colonel lieutenant sergeant commander admiral
  mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady
`);

/** Honorific abbreviations that end with a period without ending the sentence. */
export const ABBREVIATIONS = set(`
  mr mrs ms dr prof sen gov gen col lt capt sgt rev st jr sr mt ft no vs etc inc ltd co corp
`);

/** Function words and sentence adverbs that start sentences in capitals but never begin a name. */
export const SENTENCE_STARTERS = set(`
  a an the this that these those there here it its i we you he she they his her their our my your me us them
  but and or nor so yet for if when while whether although though because since unless until once after before
  as at by in on of to from with without within into onto upon about above below under over through during
  across against among between beyond toward towards despite except like near off out past per via
  what which who whom whose where why how all any both each either neither every few many most much none no not
  some such other another one two three four five six seven eight nine ten first second third last next
  indeed moreover furthermore however meanwhile nevertheless nonetheless still instead otherwise also even
  today yesterday tomorrow tonight now then later earlier soon already perhaps maybe yes well oh
  thus hence therefore accordingly consequently besides finally again only just rather quite very
  update updated tags share related advertisement photo image video read more comments
  monday tuesday wednesday thursday friday saturday sunday
  january february april june july august september october november december
  do does did is are was were be been has have had would can could should shall might must
  let lets please thanks sorry having being following according given including
`);

/** Capitalised words that are never an entity on their own: compass points, furniture, generic nouns. */
export const JUNK_NAMES = set(`
  west east north south western eastern northern southern
  tags tag update updated similar news related share advertisement comments comment photo image video
  reuters ap afp gmt utc est pst am pm bst cet
  god internet web
  president minister leader king queen prince pope senator governor professor doctor
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
`);

/** Last words that make a capitalised span an organisation ("Security Council", "Warsaw Pact", "New School"). */
export const ORG_KEYWORDS = set(`
  council committee commission parliament congress senate assembly court courts ministry department office agency
  bureau authority administration government party union league federation confederation association society
  alliance pact treaty brotherhood movement front organisation organization organisations institute institution foundation fund trust bank
  banks reserve exchange group holdings corporation corp corp. inc inc. ltd ltd. llc plc co co. company companies
  motors airlines airways railways industries technologies systems partners capital ventures media network
  networks times post journal news herald tribune gazette guardian telegraph observer chronicle daily weekly press
  magazine broadcasting radio television tv studios records school schools university college academy
  hospital clinic church mosque temple army navy force forces guard police brigade corps command
  club fc united city rovers wanderers athletic hotspur albion team
  kremlin pentagon
`);

/** Last words that make a capitalised span a place ("Vostochny Cosmodrome", "Red Sea", "Gaza Strip"). */
export const PLACE_KEYWORDS = set(`
  cosmodrome spaceport river rivers sea seas ocean lake lakes bay gulf strait straits channel canal coast
  island islands isles peninsula mountains mountain mount hills hill valley desert plateau basin delta
  forest park square street avenue road bridge airport port harbour harbor station
  province region oblast krai county district prefecture territory territories
  museum stadium arena palace shoal reef center centre
  city town village oasis heights plain plains steppe
`);

/** Lower-cased words before a capitalised span that mark it as a place ("in Khasan", "town of Khasan"). */
export const PLACE_PREPOSITIONS = set(`
  in near outside throughout
  northern southern eastern western central north south east west northeastern northwestern southeastern southwestern
`);

/** First words that make a capitalised span a place ("Mount Vernon", "Lake Baikal", "Cape Town"). */
export const PLACE_PREFIXES = set(`mount mt. lake fort cape gulf isle port`);

/** Lower-cased words right before a name that mark a person: kin and age ("his wife Grace", "52-year-old Grace"). */
export const PERSON_NOUNS = set(`
  wife husband son sons daughter daughters brother brothers sister sisters father mother cousin nephew niece
  uncle aunt widow widower grandson granddaughter grandfather grandmother stepson stepdaughter fiancé fiancée
  girlfriend boyfriend partner
`);

/** Lower-cased nouns that, followed by "of", introduce a place ("the town of Khasan"). */
export const PLACE_NOUNS = set(`
  town city village capital port region province state district island republic kingdom suburb outskirts
  county territory oblast municipality settlement
`);

/** Lower-cased words after a name that mark a person when the name is not a known place or organisation. */
export const PERSON_VERBS = set(`
  said says told added argued wrote writes insisted noted claimed warned explained recalled tweeted posted
  smiled laughed replied admitted denied asked urged vowed pledged scored
`);

/** Words that introduce the title of a work: what follows is a title, not a mention of the people in it. */
export const WORK_CUES = set(`
  film films movie movies book books novel novels memoir biography documentary series sitcom show play musical
  album song single opera painting poem essay documentary-maker titled entitled headlined
`);

/** Small words that may sit inside a work's title ("The Death of Stalin", "In Putin's Footsteps: Searching for…"). */
export const TITLE_SMALL_WORDS = set(`of the a an in on at to for and or from with across into over under as vs nor but`);

/** Lower-case endings that make "Seattle-based", "Kremlin-backed" an adjective: only the capitalised part is a name. */
export const ADJECTIVE_SUFFIXES = set(`
  based owned backed led born made style era run controlled funded linked allied friendly speaking bound wide like
  related focused bred educated raised trained registered listed headquartered centred centered occupied held
`);

/** Particles inside personal names ("Charles de Gaulle", "Mohammed bin Salman", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = set(`de da di do du del della der den van von bin ibn al el la le dos das y zu ter ben abu`);

/** Fictional characters most often used in news similes: shown as characters, never as real people. */
export const FICTIONAL = set(`
  mickey-mouse donald-duck minnie-mouse daffy-duck bugs-bunny goofy popeye snoopy charlie-brown garfield
  homer-simpson bart-simpson marge-simpson lisa-simpson sherlock-holmes james-bond harry-potter darth-vader
  luke-skywalker santa-claus superman batman spider-man spiderman wonder-woman captain-america iron-man
  big-brother winnie-the-pooh peter-pan alice cinderella shrek pinocchio scrooge-mcduck tintin asterix
`);

/**
 * Demonyms whose country the generated table cannot guess from spelling, or guesses wrong
 * ("French" is not French Guiana). Used as signals and, on request, as mentions of the country.
 */
export const DEMONYM_OVERRIDES: Readonly<Record<string, string>> = {
  American: 'United States',
  Americans: 'United States',
  British: 'United Kingdom',
  Brit: 'United Kingdom',
  Brits: 'United Kingdom',
  English: 'England',
  Englishman: 'England',
  Scottish: 'Scotland',
  Scot: 'Scotland',
  Welsh: 'Wales',
  Irish: 'Ireland',
  Irishman: 'Ireland',
  French: 'France',
  Frenchman: 'France',
  Dutch: 'Netherlands',
  Swiss: 'Switzerland',
  Danish: 'Denmark',
  Dane: 'Denmark',
  Swedish: 'Sweden',
  Finnish: 'Finland',
  Polish: 'Poland',
  Pole: 'Poland',
  Turkish: 'Türkiye',
  Spanish: 'Spain',
  Filipino: 'Philippines',
  Macedonian: 'North Macedonia',
  Malagasy: 'Madagascar',
  Burmese: 'Myanmar',
  Emirati: 'United Arab Emirates',
  Yemeni: 'Yemen',
  Somali: 'Somalia',
  Serb: 'Serbia',
  Slovenian: 'Slovenia',
  Slovene: 'Slovenia',
  Uzbek: 'Uzbekistan',
  Tajik: 'Tajikistan',
  Kyrgyz: 'Kyrgyzstan',
  Azerbaijani: 'Azerbaijan',
  Azeri: 'Azerbaijan',
  Moldovan: 'Moldova',
  Nepali: 'Nepal',
  Nepalese: 'Nepal',
  'Sri Lankan': 'Sri Lanka',
  'New Zealander': 'New Zealand',
  Kiwi: 'New Zealand',
  Aussie: 'Australia',
  Argentinian: 'Argentina',
  Tanzanian: 'Tanzania',
  Malian: 'Mali',
  Congolese: 'Democratic Republic of the Congo',
  Cypriot: 'Cyprus',
  Maltese: 'Malta',
  Tibetan: 'Tibet',
  Bahraini: 'Bahrain',
  Soviet: 'Soviet Union',
  Soviets: 'Soviet Union',
  European: 'Europe',
  Europeans: 'Europe',
  African: 'Africa',
  Asian: 'Asia',
  Korean: 'Korea',
  'North Korean': 'North Korea',
  'North Koreans': 'North Korea',
  'South Korean': 'South Korea',
  'South Koreans': 'South Korea',
  'South African': 'South Africa',
  'South Sudanese': 'South Sudan',
  'Central Asian': 'Central Asia',
  'Latin American': 'Latin America',
  'Middle Eastern': 'Middle East',
  Muslim: '',
  Muslims: '',
  Islamist: '',
  Islamists: '',
  Christian: '',
  Christians: '',
  Jewish: '',
  Jew: '',
  Jews: '',
  Catholic: '',
  Catholics: '',
  Protestant: '',
  Protestants: '',
  Sunni: '',
  Sunnis: '',
  Shia: '',
  Shiite: '',
  Shiites: '',
  Hindu: '',
  Hindus: '',
  Buddhist: '',
  Sikh: '',
  Arab: '',
  Arabs: '',
  Kurdish: '',
  Kurd: '',
  Kurds: '',
  Latino: '',
  Palestinians: 'Palestine',
  Israelis: 'Israel',
  Russians: 'Russia',
  Ukrainians: 'Ukraine',
  Germans: 'Germany',
  Chinese: 'China',
};

/** Place names the packages lack: continents, world regions, historical states, frequent sub-national places. */
export const EXTRA_PLACES: readonly string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Antarctica', 'Oceania',
  'Central Asia', 'East Asia', 'Southeast Asia', 'South Asia', 'Middle East', 'Near East', 'Far East',
  'Central America', 'Caribbean', 'Balkans', 'Caucasus', 'Scandinavia', 'Siberia', 'Arctic', 'Sahel', 'Gulf',
  'Persian Gulf', 'Mediterranean', 'Baltic', 'Baltics', 'Horn of Africa', 'Sub-Saharan Africa',
  'Soviet Union', 'USSR', 'Yugoslavia', 'Czechoslovakia', 'East Germany', 'West Germany', 'Ottoman Empire',
  'Roman Empire', 'Prussia', 'Korea', 'Tibet', 'Xinjiang', 'Crimea', 'Donbas', 'Gaza', 'Gaza Strip', 'West Bank',
  'Golan Heights', 'Kashmir', 'Kurdistan', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Catalonia',
  'Bavaria', 'Flanders', 'Normandy', 'Silicon Valley', 'Wall Street', 'Hollywood', 'Manhattan', 'Brooklyn',
  'Primorsky Krai', 'Vladivostok', 'Kharkiv', 'Odesa', 'Odessa', 'Mariupol', 'Bakhmut', 'Kherson', 'Zaporizhzhia',
  'Donetsk', 'Luhansk', 'Taipei', 'Hong Kong', 'Macau', 'Davos', 'Geneva', 'Brussels', 'Strasbourg', 'The Hague',
  'Washington', 'New York', 'Los Angeles', 'San Francisco', 'Chicago', 'London', 'Paris', 'Berlin', 'Moscow',
];

/** Short forms that name a country or organisation exactly (case-sensitive, so "US" but never "us"). */
export const ACRONYMS: Readonly<Record<string, { name: string; type: 'place' | 'organization' }>> = {
  US: { name: 'United States', type: 'place' },
  'U.S.': { name: 'United States', type: 'place' },
  USA: { name: 'United States', type: 'place' },
  'U.S.A.': { name: 'United States', type: 'place' },
  UK: { name: 'United Kingdom', type: 'place' },
  'U.K.': { name: 'United Kingdom', type: 'place' },
  UAE: { name: 'United Arab Emirates', type: 'place' },
  USSR: { name: 'Soviet Union', type: 'place' },
  DPRK: { name: 'North Korea', type: 'place' },
  PRC: { name: 'China', type: 'place' },
  DRC: { name: 'Democratic Republic of the Congo', type: 'place' },
  UN: { name: 'United Nations', type: 'organization' },
  'U.N.': { name: 'United Nations', type: 'organization' },
  EU: { name: 'European Union', type: 'organization' },
  NATO: { name: 'NATO', type: 'organization' },
  Nato: { name: 'NATO', type: 'organization' },
  IMF: { name: 'International Monetary Fund', type: 'organization' },
  WHO: { name: 'World Health Organization', type: 'organization' },
  OPEC: { name: 'OPEC', type: 'organization' },
  FBI: { name: 'FBI', type: 'organization' },
  CIA: { name: 'CIA', type: 'organization' },
  BBC: { name: 'BBC', type: 'organization' },
  FIFA: { name: 'FIFA', type: 'organization' },
  UEFA: { name: 'UEFA', type: 'organization' },
  NBA: { name: 'NBA', type: 'organization' },
  NFL: { name: 'NFL', type: 'organization' },
  ECB: { name: 'European Central Bank', type: 'organization' },
  Fed: { name: 'Federal Reserve', type: 'organization' },
  Kremlin: { name: 'Kremlin', type: 'organization' },
  Pentagon: { name: 'Pentagon', type: 'organization' },
};

/** Names that look like a person's first name but, after "the", name a country ("the US" is handled by ACRONYMS). */
export const COUNTRY_SHORT_FORMS: Readonly<Record<string, string>> = {
  America: 'United States',
  'United States of America': 'United States',
  'the States': 'United States',
  Britain: 'United Kingdom',
  'Great Britain': 'United Kingdom',
  Holland: 'Netherlands',
  Turkey: 'Türkiye',
  Burma: 'Myanmar',
  'Czech Republic': 'Czechia',
  Kyiv: 'Kyiv',
  Kiev: 'Kyiv',
};
