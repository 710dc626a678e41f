/**
 * Per-language cue words for the entity finder: closed-class words (articles, prepositions, pronouns) that start
 * sentences in capitals but never begin a name, titles and roles before a name, verbs of saying around one,
 * prepositions before a place, and the head nouns that open organisation and place names in Romance languages.
 * Hand-written because they are short closed lists and judgement calls about news prose, not facts a package keeps
 * (the English lists live in ../lexicon.ts); German common nouns come from a dictionary instead (germanNouns.ts).
 */
import type { FullLanguage } from './languageSupport';

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/).filter(Boolean));

/** The cues of one language. All words lower case. */
export interface LanguageCues {
  /** Words that, capitalised at a sentence start, are just that word ("Die", "Le", "В"). */
  functionWords: ReadonlySet<string>;
  /** Titles and roles right before a name ("präsident", "le président", "técnico"). */
  titles: ReadonlySet<string>;
  /** Endings that make a (compound) word a title ("verteidigungsminister", "kremlchef"). */
  titleEndings: readonly string[];
  /** Verbs of saying right after or before a name ("sagte", "a déclaré", "falou", "заявил"). */
  saidVerbs: ReadonlySet<string>;
  /** Relative pronouns after "Name," that only follow people ("Christian Paul, qui avait"). */
  relatives: ReadonlySet<string>;
  /** Prepositions right before a place ("in", "à", "em", "в"). */
  placePrepositions: ReadonlySet<string>;
  /** First words that make a capitalised span an organisation ("Universidad de Lisboa", "Conseil d'Etat"). */
  orgHeads: ReadonlySet<string>;
  /** First words that make a capitalised span a place ("República de Turquía", "Río Negro"). */
  placeHeads: ReadonlySet<string>;
}

const NONE = set('');

const ROMANCE_ORG_HEADS = set(`
  universidad universidade université università universitat instituto institut istituto sociedad sociedade société società
  partido parti partito comisión comissão commission commissione consejo conselho conseil consiglio assemblée asamblea assembleia assemblea
  tribunal tribunale corte cour cámara câmara chambre camera ministerio ministério ministère ministero banco banque banca
  fundación fundação fondation fondazione federación federação fédération federazione confederación confédération
  asociación associação association associazione agencia agência agence agenzia autorité autoridad autoridade autorità
  coordinadora resistencia frente front movimiento movimento mouvement unión união union unione sindicato syndicat
  estado état stato gobierno governo gouvernement congreso congresso congrès senado sénat senato
  organización organização organisation organizzazione escuela escola école scuola colegio colégio collège
  hospital hôpital ospedale museo musée museu club clube
`);

const ROMANCE_PLACE_HEADS = set(`
  república república république repubblica provincia província province río rio fleuve fiume mar mer lago lac
  monte mont montaña montagne sierra serra isla ilha île isola islas ilhas îles golfo golfe bahía baía baie cabo cap
  ciudad cidade ville città valle vale vallée región região région regione estado
  são santo santa san saint sainte
`);

/** The cues for each language with its own rules; English keeps ../lexicon.ts and needs none here. */
export const CUES: Readonly<Record<Exclude<FullLanguage, 'en'>, LanguageCues>> = {
  de: {
    functionWords: set(`
      der die das den dem des ein eine einer eines einem einen kein keine im am ans beim vom zum zur ins aufs
      und oder aber doch denn sondern auch noch schon nur so wie als wenn weil dass ob da dann damit danach dabei
      ich du er sie es wir ihr man sein seine ihre ihr unser dieser diese dieses jener jene welche welcher was wer wo
      auf aus bei mit nach seit von zu für gegen ohne um durch über unter vor hinter neben zwischen trotz während wegen
      nicht nun jetzt heute gestern morgen hier dort immer bereits zudem außerdem jedoch allerdings etwa rund laut
      mehr viele alle einige andere jeder jede jedes zunächst mindestens knapp aktuell erst bis
    `),
    titles: set(`
      herr frau dr dr. prof prof. professor professorin präsident präsidentin kanzler kanzlerin minister ministerin
      chef chefin sprecher sprecherin trainer trainerin direktor direktorin abgeordnete abgeordneter vorsitzende vorsitzender
      bürgermeister bürgermeisterin oberbürgermeister oberbürgermeisterin landrat landrätin senator senatorin papst
      könig königin prinz prinzessin general generalin botschafter botschafterin richter richterin anwalt anwältin
      staatsanwalt staatsanwältin autor autorin journalist journalistin politiker politikerin kommissar kommissarin
      ministerpräsident ministerpräsidentin regierungschef regierungschefin kremlchef parteichef parteichefin
    `),
    titleEndings: ['minister', 'ministerin', 'präsident', 'präsidentin', 'kanzler', 'kanzlerin', 'chef', 'chefin', 'sprecher', 'sprecherin', 'meister', 'meisterin', 'trainer', 'trainerin', 'direktor', 'direktorin', 'vorsitzende', 'vorsitzender', 'politiker', 'politikerin', 'sekretär', 'sekretärin', 'kommissar', 'kommissarin', 'botschafter', 'botschafterin'],
    saidVerbs: set('sagte sagt erklärte erklärt betonte betont sagten schrieb schreibt meinte warnte forderte kritisierte kündigte antwortete so laut'),
    relatives: set('der die'),
    placePrepositions: set('in aus nach bei'),
    orgHeads: NONE,
    placeHeads: NONE,
  },
  fr: {
    functionWords: set(`
      le la les l un une des du de d au aux ce cet cette ces et ou mais donc or ni car que qui quoi dont où
      il elle ils elles on nous vous je tu son sa ses leur leurs notre votre mon ma mes
      à a dans en sur sous par pour avec sans chez vers entre contre depuis pendant avant après selon parmi lors
      ne pas plus très bien aussi encore déjà toujours jamais ainsi alors puis enfin cependant pourtant toutefois
      si comme quand lorsque puisque tous tout toute toutes chaque plusieurs certains certaines deux trois aucun aucune
      ont sont est était sera seront fait peut doit ont-ils
    `),
    titles: set(`
      m. mme mlle monsieur madame président présidente ministre premier député députée sénateur sénatrice maire
      général juge procureur avocat avocate professeur docteur dr roi reine prince princesse pape
      secrétaire porte-parole directeur directrice écologiste socialiste ump ps lr rn chef cheffe entraîneur sélectionneur
      journaliste écrivain écrivaine auteur autrice dirigeant dirigeante leader rapporteur rapporteure
    `),
    titleEndings: [],
    saidVerbs: set('a déclaré déclare dit affirme affirmé explique expliqué estime estimé souligne souligné ajoute ajouté selon'),
    relatives: set('qui'),
    placePrepositions: set('à en au aux'),
    orgHeads: ROMANCE_ORG_HEADS,
    placeHeads: ROMANCE_PLACE_HEADS,
  },
  es: {
    functionWords: set(`
      el la los las lo un una unos unas del al de y e o u ni que quien quienes cual cuales donde cuando como
      él ella ellos ellas nosotros usted ustedes su sus nuestro nuestra este esta estos estas ese esa esos esas aquel
      a ante bajo con contra desde durante en entre hacia hasta mediante para por según sin sobre tras
      no sí ya más muy también tampoco aún todavía siempre nunca pero sino aunque porque pues así entonces luego
      hoy ayer mañana todo toda todos todas cada otro otra otros otras uno dos tres ningún ninguna algún alguna
      es son fue era será ha han hay
    `),
    titles: set(`
      sr sr. sra sra. señor señora don doña presidente presidenta ministro ministra canciller secretario secretaria
      senador senadora diputado diputada gobernador gobernadora alcalde alcaldesa juez jueza fiscal general
      rey reina príncipe princesa papa líder jefe jefa director directora entrenador técnico portavoz
      politólogo politóloga jurista periodista escritor escritora profesor profesora doctor doctora abogado abogada
      comunista ex-presidente expresidente embajador embajadora
    `),
    titleEndings: [],
    saidVerbs: set('dijo dice declaró afirmó explicó señaló aseguró sostuvo agregó añadió según'),
    relatives: set('quien quienes'),
    placePrepositions: set('en'),
    orgHeads: ROMANCE_ORG_HEADS,
    placeHeads: ROMANCE_PLACE_HEADS,
  },
  pt: {
    functionWords: set(`
      o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em e ou nem
      que quem qual quais onde quando como ele ela eles elas nós você vocês seu sua seus suas este esta estes estas
      esse essa esses essas aquele aquela isso isto com contra desde durante entre para por sem sobre até após ante
      não sim já mais muito também ainda sempre nunca mas porém porque pois assim então depois hoje ontem amanhã
      todo toda todos todas cada outro outra outros outras é são foi era será há tem
    `),
    titles: set(`
      sr sr. sra sra. senhor senhora dom dona presidente presidenta ministro ministra governador governadora
      senador senadora deputado deputada prefeito prefeita juiz juíza general rei rainha príncipe princesa papa
      líder chefe diretor diretora técnico treinador comandante porta-voz jornalista escritor escritora professor
      professora doutor doutora advogado advogada ex-presidente ex-presidenta embaixador embaixadora eleito eleita
    `),
    titleEndings: [],
    saidVerbs: set('disse diz declarou afirmou explicou falou acrescentou destacou ressaltou segundo'),
    relatives: set('que quem'),
    placePrepositions: set('em no na nos nas'),
    orgHeads: ROMANCE_ORG_HEADS,
    placeHeads: ROMANCE_PLACE_HEADS,
  },
  it: {
    functionWords: set(`
      il lo la i gli le l un uno una un' del dello della dei degli delle al allo alla ai agli alle dal dalla nel nella
      sul sulla di a da in con su per tra fra e o ma né che chi cui dove quando come perché se
      lui lei loro noi voi io tu suo sua suoi sue questo questa questi queste quello quella
      non sì già più molto anche ancora sempre mai però quindi così poi oggi ieri domani tutto tutta tutti tutte
      ogni altro altra altri altre è sono era sarà ha hanno
    `),
    titles: set(`
      sig sig. sig.ra signor signora presidente premier ministro ministra senatore senatrice deputato deputata sindaco
      giudice procuratore avvocato professore professoressa dottor dottore dottoressa generale re regina principe
      principessa papa leader capo direttore direttrice allenatore tecnico portavoce giornalista scrittore scrittrice
    `),
    titleEndings: [],
    saidVerbs: set('ha detto dice dichiarato affermato spiegato sottolineato aggiunto secondo'),
    relatives: set('che'),
    placePrepositions: set('in a'),
    orgHeads: ROMANCE_ORG_HEADS,
    placeHeads: ROMANCE_PLACE_HEADS,
  },
  ru: {
    functionWords: set(`
      в во на с со к ко по за из от до для о об у при без над под про через между перед после около
      и а но или да же ли не ни что как так это этот эта эти тот та те там тут здесь где когда если чтобы потому
      он она они оно мы вы я ты его её ее их наш ваш свой весь все всё вся каждый другой уже ещё еще также тоже
      однако поэтому кроме сегодня вчера завтра теперь сейчас только даже лишь именно по-прежнему
    `),
    titles: set(`
      президент президента президентом премьер премьер-министр министр министра глава главы главой лидер лидера
      губернатор губернатора мэр мэра депутат депутата сенатор сенатора председатель председателя генсек канцлер
      канцлера посол посла спикер спикера представитель представителя пресс-секретарь пресс-секретаря директор
      директора генерал генерала судья журналист журналиста писатель писателя тренер тренера господин госпожа
      патриарх король королева принц папа экс-президент оппозиционер политик политика
    `),
    titleEndings: [],
    saidVerbs: set('сказал сказала заявил заявила сообщил сообщила отметил отметила подчеркнул подчеркнула добавил добавила пояснил пояснила рассказал рассказала написал написала считает'),
    relatives: set('который которая которого которой'),
    placePrepositions: set('в во из на'),
    orgHeads: NONE,
    placeHeads: NONE,
  },
};
