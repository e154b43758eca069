/**
 * Who a follow-up belongs to: the subject of its sentence when that subject can act, a person
 * ("Mette", "Bente Poulsen", "Susanne og Helle"), a role or a unit ("Cheferne",
 * "Kommunaldirektøren", "Sekretariat for Netværksstrukturen", "HR", "Økonomi & Stab"), or a
 * body ("Direktørforum", "Økonomiudvalget"). A thing ("Teksten", "Notatet til ØU") is not.
 */

/** Common Danish first names; a capitalized word at the start of a sentence is a name if here. */
const firstNames = new Set(
  `anne anna mette kirsten hanne helle susanne lene marianne maria lone camilla pia louise
  charlotte bente tina gitte inge karen jette ida mie mia henriette katrine rikke birgitte dorte
  dorthe lisbeth lis trine tine janne jane ingelise ulla vibeke winnie annette anette jeanette
  heidi malene maja line sofie julie emma laura sara cecilie christina christine tanja mona ruth
  eva else grethe connie bodil merete signe stine nina sanne anja betina bettina majbritt mai
  joan ellen kristina kristine jytte tove ane sidsel astrid lotte lena nanna josefine marie
  pernille natasja zenia iben randi hanna hannah karin birthe gry lise ditte sus lisa lærke
  peter jens lars michael mikael henrik søren thomas jan niels anders morten jesper mads rasmus
  per hans jørgen ole christian martin kim erik poul carsten karsten torben kenneth brian bo steen
  sten kasper casper klaus claus frank allan preben flemming jakob jacob johan john kurt bent finn
  kristian mikkel nikolaj nicolaj nicolai jonas frederik emil simon tobias daniel mathias mattias
  rené rene benny bjarne leif knud arne svend palle tommy lasse dennis jeppe sune troels ulrik ib
  kaj kjeld ebbe esben asger anton viggo mogens ove gert gunnar aksel axel uffe jannik janus tom
  tim karl carl ivan bjørn johnny jørn kent stig thorkild birger vagn erling christoffer oliver
  william lucas malthe victor magnus alexander sebastian marcus andreas philip tue rune ronni
  rolf holger dan max villy ejnar aage`.split(/\s+/u),
);

/**
 * Endings of words that name someone who can act: roles, units and bodies, also as the last
 * part of a compound ("afdelingscheferne", "arbejdsgruppen", "Digitaliseringsrådet").
 */
const roleEnding =
  /(?:chef|chefen|chefer|cheferne|direktør|direktøren|direktører|direktørerne|direktion|direktionen|forum|forummet|forvaltning|forvaltningen|forvaltningerne|administration|administrationen|sekretariat|sekretariatet|stab|staben|center|centret|centeret|centre|centrene|afdeling|afdelingen|afdelinger|afdelingerne|enhed|enheden|udvalg|udvalget|formand|formanden|formandskab|formandskabet|borgmester|borgmesteren|gruppe|gruppen|grupper|grupperne|råd|rådet|leder|lederen|ledere|lederne|konsulent|konsulenten|konsulenter|konsulenterne|koordinator|koordinatoren|team|teamet|ledelse|ledelsen|kontor|kontoret|medarbejder|medarbejderen|medarbejdere|medarbejderne|økonomi|tovholder|tovholderen|tovholderne|ansvarlig|ansvarlige|sekretær|sekretæren|referent|referenten|hr|it|jura|løn|kommunikation|personale|personalet|projektleder|projektlederen|projektgruppen|bestyrelse|bestyrelsen|styregruppe|styregruppen)$/u;

/** Words that may stand before the head of a subject: "alle chefer", "de enkelte ledere". */
const determiners = new Set([
  'alle',
  'hver',
  'hvert',
  'de',
  'den',
  'det',
  'enkelte',
  'relevante',
  'berørte',
  'øvrige',
  'vores',
  'egne',
  'ny',
  'nye',
]);

/** Subjects that are everyone or no one: "Vi skal …" is an intention, not a task. */
const genericSubjects = new Set(['vi', 'man', 'du', 'i', 'alle', 'vi alle', 'enhver', 'nogen']);

/** Pronouns that stand for someone named earlier in the sentence. */
const personalPronouns = new Set(['de', 'han', 'hun']);

const prepositions = new Set([
  'til',
  'for',
  'i',
  'på',
  'af',
  'med',
  'om',
  'fra',
  'bag',
  'under',
  'ved',
  'efter',
]);

/** How a clause's subject reads. */
export type SubjectKind = 'agent' | 'pronoun' | 'generic' | 'thing' | 'existential';

/** The subject of a clause and, for an agent, the owner as it should be shown. */
export interface Subject {
  kind: SubjectKind;
  owner?: string;
}

const wordOf = (token: string): string =>
  token.replace(/^[("'“”»«]+|[)"'“”»«.,:;!?]+$/gu, '').toLowerCase();

function isCapitalized(token: string): boolean {
  return /^[("'“”»«]*\p{Lu}/u.test(token);
}

function isAcronym(token: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(token.replace(/[^\p{L}]/gu, ''));
}

/** True when the tokens start with a person's name: a known first name, or two capitalized words. */
function startsWithName(tokens: readonly string[]): boolean {
  const [first, second] = tokens;
  if (!first || !isCapitalized(first)) return false;
  // "Jara, Anne og Kirstine": a list of capitalized words with a known first name among them
  const isNameList = tokens.every((token) => isCapitalized(token) || /^(?:og|&)$/u.test(token));
  if (isNameList && tokens.some((token) => firstNames.has(wordOf(token)))) return true;
  if (firstNames.has(wordOf(first))) return true;
  // "Bente Poulsen", but not "Store IT-projekter"
  const isNameWord = (token: string) => /^\p{Lu}\p{Ll}+$/u.test(token);
  return second !== undefined && isNameWord(first) && isNameWord(second);
}

/** True when the tokens before the first preposition hold a role word. */
function holdsRoleWord(tokens: readonly string[]): boolean {
  for (const token of tokens.slice(0, 4)) {
    const word = wordOf(token);
    if (prepositions.has(word)) return false;
    if (isAcronym(token) || roleEnding.test(word.replace(/^.*[-&]/u, '')) || roleEnding.test(word))
      return true;
    if (!determiners.has(word) && !/^\p{L}+$/u.test(word)) return false;
  }
  return false;
}

/** Cuts an owner where the subject goes on to companions or asides. */
function ownerText(tokens: readonly string[]): string {
  const text = tokens.join(' ');
  const cut =
    text.split(
      /\s+(?:i samarbejde med|sammen med|med hjælp fra|med støtte fra|i dialog med)\s+|,\s*(?=\p{Ll})|\s+\(/u,
    )[0] ?? text;
  const trimmed = cut.replace(/[.,:;]+$/u, '').trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

const sentenceStarters = new Set(
  'der det den de dette denne disse vi man alle hver her derfor herudover desuden endelig samtidig'.split(
    ' ',
  ),
);

/**
 * True for a single capitalized word that is likely a name not in `firstNames` ("Kirstine"):
 * not a definite noun ("Strategien", "Projektet", "Lederne") and not a sentence starter. Only
 * asked when an active verb follows, which things seldom have.
 */
export function isLikelyName(tokens: readonly string[]): boolean {
  if (tokens.length !== 1 || !tokens[0]) return false;
  const token = tokens[0];
  const word = wordOf(token);
  if (!/^\p{Lu}\p{Ll}{2,}$/u.test(token) || sentenceStarters.has(word)) return false;
  return !/(?:en|et|erne|ene|rne|ing|tion|hed|else|ning)$/u.test(word);
}

/** Reads a clause's subject: the tokens before its finite verb. */
export function readSubject(tokens: readonly string[]): Subject {
  const words = tokens.map(wordOf);
  const joined = words.join(' ');
  if (words.length === 0) return { kind: 'thing' };
  if (joined === 'der') return { kind: 'existential' };
  if (genericSubjects.has(joined)) return { kind: 'generic' };
  if (words.length === 1 && personalPronouns.has(joined)) return { kind: 'pronoun' };
  if (startsWithName(tokens) || holdsRoleWord(tokens))
    return { kind: 'agent', owner: ownerText(tokens) };
  return { kind: 'thing' };
}

/** The first agent at the start of a sentence, for "Cheferne har en rolle …, de skal …". */
export function leadingAgent(sentence: string): string | undefined {
  const tokens = sentence.split(/\s+/u).filter(Boolean);
  const end = tokens.findIndex(
    (token, index) => index > 0 && !isCapitalized(token) && !['og', '&'].includes(token),
  );
  const subject = readSubject(tokens.slice(0, end === -1 ? tokens.length : end));
  return subject.kind === 'agent' ? subject.owner : undefined;
}
