/**
 * The Danish verbs that make a sentence in minutes a task, and the finite verbs that make it
 * something else (a fact, a past action, an opinion). Minutes write a task in the present
 * ("Cheferne opdaterer status"), with a modal ("Cheferne skal indsende"), or in the s-passive
 * ("Teksten opdateres", "Der igangsættes en plan"); each verb is listed once by its infinitive
 * and its forms are made from it (infinitive + r, infinitive + s).
 */

/** Action verbs, by infinitive; those that need a particle or object are in `requiredCompany`. */
const taskInfinitives =
  `udarbejde sende indsende fremsende udsende rundsende videresende eftersende tilsende maile
  aflevere levere melde følge kontakte invitere indkalde redigere skrive omskrive opdatere
  revidere tilrette rette justere tilpasse ændre indarbejde præcisere uddybe supplere beskrive
  afklare undersøge kortlægge afdække analysere vurdere lave udforme formulere omformulere
  forberede planlægge booke bestille arrangere afholde holde koordinere samle indsamle
  indhente udpege finde sikre sørge informere orientere kommunikere formidle videreformidle
  dele give fremlægge præsentere offentliggøre iværksætte igangsætte nedsætte tjekke kigge se
  beregne opgøre afrapportere rapportere afprøve teste evaluere screene tage gøre skære
  arbejde lægge sætte færdiggøre udfylde aftale ringe gennemgå komme`.split(/\s+/u);

/**
 * Verbs that are tasks only in certain company: "tager kontakt", not "tager afsæt"; "gøres
 * klar", not "gøres grøn"; "ses på", not "ses"; "holdes et møde", not "holdes fokus". The
 * pattern is matched against the few words after the verb (and, for a passive, the subject).
 */
const requiredCompany: Record<string, RegExp> = {
  tage: /^(?:\S+\s+){0,2}(?:kontakt|initiativ|fat|samtale|samtaler|beslutning|stilling|ansvar(?:et)?|med|op\s+med|hånd\s+om)(?![\p{L}])/iu,
  gøre: /^(?:\S+\s+){0,3}klar(?![\p{L}])/iu,
  se: /^(?:(?:nærmere|igen|også|videre)\s+)?(?:på|nærmere|ind\s+i)(?![\p{L}])/iu,
  kigge: /^(?:(?:nærmere|igen|også|videre)\s+)?(?:på|nærmere|ind\s+i)(?![\p{L}])/iu,
  følge:
    /^(?:\S+\s+){0,2}(?:op|processen|udviklingen|sagen|arbejdet|implementeringen|tæt|nøje|løbende)(?![\p{L}])/iu,
  holde:
    /^(?:\S+\s+){0,2}(?:møde|møder|mødet|workshop|seminar|temadag|samtale|samtaler|dialogmøde|oplæg)(?![\p{L}])/iu,
  arbejde: /^(?:\S+\s+){0,1}(?:videre|på)(?![\p{L}])/iu,
  lægge: /^(?:\S+\s+){0,3}(?:ud|op|ind|frem)(?![\p{L}])/iu,
  sætte: /^(?:\S+\s+){0,3}(?:i gang|på dagsordenen|i værk)(?![\p{L}])/iu,
  give: /^(?:\S+\s+){0,3}(?:besked|input|inputs|tilbagemelding|svar|status|feedback|orientering|bidrag|en\s+orientering)(?![\p{L}])/iu,
  dele: /^(?:\S+\s+){0,3}med(?![\p{L}])/iu,
  skære: /^(?:\S+\s+){0,2}til(?![\p{L}])/iu,
  sørge: /^for(?![\p{L}])/iu,
  melde: /^(?:\S+\s+){0,5}(?:tilbage|ind|ud|fra)(?![\p{L}])/iu,
  komme:
    /^med\s+(?:\S+\s+){0,2}(?:input|inputs|forslag|bud|bidrag|bemærkninger|kommentarer|tilbagemelding|ideer|idéer|oplæg|udkast)(?![\p{L}])/iu,
  aftale:
    /^(?:\S+\s+){0,2}(?:møde|tid|dato|nærmere|forløb|proces|processen|plan|aftale)(?![\p{L}])/iu,
};

/** The s-passive "findes" and "ses" also mean "exists" and "is seen": tasks only after a modal. */
const passiveOnlyAfterModal = new Set(['finde']);

/** How a word is a form of a task verb; a participle only counts after "bliver". */
export type TaskVerbForm = 'infinitive' | 'present' | 'passive' | 'participle';

/** A task verb found in a sentence. */
export interface TaskVerb {
  infinitive: string;
  form: TaskVerbForm;
}

const taskVerbForms = new Map<string, TaskVerb>();
for (const infinitive of taskInfinitives) {
  taskVerbForms.set(infinitive, { infinitive, form: 'infinitive' });
  taskVerbForms.set(`${infinitive}r`, { infinitive, form: 'present' });
  taskVerbForms.set(`${infinitive}s`, { infinitive, form: 'passive' });
}
const participles = new Map<string, TaskVerb>();
for (const infinitive of taskInfinitives) {
  const stem = infinitive.replace(/e$/u, '');
  // "revideret", "udarbejdet", "sendt", "indkaldt"
  for (const participle of [`${stem}et`, `${stem}t`])
    if (participle !== infinitive) participles.set(participle, { infinitive, form: 'participle' });
}

/** The task verb a past participle ("revideret", "sendt") is a form of, if any. */
export function taskVerbOfParticiple(word: string): TaskVerb | undefined {
  return participles.get(word);
}

/** The task verb a lower-case word is a form of, if any. */
export function taskVerbOf(word: string): TaskVerb | undefined {
  return taskVerbForms.get(word);
}

/** True when the verb's required particle or object follows (or, for a passive, precedes). */
export function hasRequiredCompany(
  verb: TaskVerb,
  following: string,
  subject: string,
  isAfterModal: boolean,
): boolean {
  if (verb.form === 'passive' && !isAfterModal && passiveOnlyAfterModal.has(verb.infinitive))
    return false;
  const company = requiredCompany[verb.infinitive];
  if (!company) return true;
  if (company.test(following.trim())) return true;
  // "Den endelige beslutning … tages i direktørforum": the object is the passive's subject.
  return verb.form === 'passive' && company.test(subject.trim());
}

/**
 * Verbs that start something: "Chefforum besluttede at læringsnetværket igangsættes" is the
 * decision itself, not a task left for later.
 */
export const launchingInfinitives = new Set([
  'igangsætte',
  'iværksætte',
  'nedsætte',
  'sætte',
  'etablere',
  'gennemføre',
]);

/** Infinitives after "skal" that are tasks only with a deadline ("skal drøftes … i efteråret"). */
export const discussionInfinitives = new Set(['drøfte', 'drøftes', 'behandle', 'behandles']);

/**
 * Verbs that minutes also use in the present for what happened in the meeting ("Formanden
 * orienterer om …"): tasks in the present only with a deadline.
 */
export const reportingInfinitives = new Set([
  'orientere',
  'informere',
  'præsentere',
  'fremlægge',
  'gennemgå',
]);

/** Verbs of coming back: a task with one of these is the return itself, not a second task. */
export const returnVerbInfinitives = new Set([
  'komme',
  'fremlægge',
  'præsentere',
  'orientere',
  'give',
  'gennemgå',
  'evaluere',
  'følge',
]);

/** Modal verbs that carry a task: "skal", "bedes", "vil", "må". */
export const taskModals = new Set(['skal', 'bedes', 'vil', 'må']);

/** Infinitives after "skal" that state a condition rather than an action. */
export const stateInfinitives = new Set(['være', 'ske', 'foreligge', 'ligge', 'have', 'stå']);

/** Infinitives after "skal" that a forum's members do not follow up: another body decides. */
export const decisionInfinitives = new Set(
  `godkende godkendes vedtage vedtages beslutte besluttes tiltræde tiltrædes anbefale anbefales
  kunne blive spille bidrage understøtte forankres implementeres`.split(/\s+/u),
);

const stopFinite = new Set(
  `er var har havde blev bliver kan kunne skulle ville bør burde får fik gav kom gik går står
  stod ligger lå sker skete mangler gælder betyder kræver peger handler fungerer ønsker
  forventer mener tror synes anbefaler foreslår tog sagde bad fandt valgte satte gjorde lagde
  spiller bidrager forventes vurderes anbefales foreslås ønskes findes fremgår indgår omfatter
  indeholder viser giver kommer vender drøftes drøfter godkender godkendes tages tager
  gennemgik deltog vedtog fremlagde redegjorde tilsluttede lovede rykker overtrumfer træder`.split(
    /\s+/u,
  ),
);

const pastTenseEnding = /(?:ede|dte)$/u;

/** True for a finite verb that makes the clause a fact, a past action or an opinion. */
export function isNonTaskFinite(word: string): boolean {
  return stopFinite.has(word) || (word.length >= 5 && pastTenseEnding.test(word));
}
