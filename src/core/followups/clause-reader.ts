import { isLikelyName, readSubject, type Subject } from './agent-phrase.ts';
import {
  decisionInfinitives,
  discussionInfinitives,
  hasRequiredCompany,
  isNonTaskFinite,
  launchingInfinitives,
  reportingInfinitives,
  stateInfinitives,
  type TaskVerb,
  taskModals,
  taskVerbOf,
  taskVerbOfParticiple,
} from './verb-lexicon.ts';

/**
 * Reads one main clause of a decision as a task or not. A task is an action someone takes
 * after the meeting:
 * - strong: someone who can act is its subject, with an action verb in the present
 *   ("Cheferne opdaterer status"), after a modal ("Cheferne skal indsende", "HR bedes …"), or
 *   asked ("Cheferne opfordres til at …", "har ansvaret for at …");
 * - weak: an action in the s-passive without an actor ("Teksten opdateres", "Der skal
 *   udarbejdes en plan"), or a state with a deadline ("skal være færdige før sommerferien").
 * Facts, past actions, opinions ("Vi skal …", "Man ser på …") and other bodies' decisions
 * ("Kommunalbestyrelsen skal godkende …") are not tasks.
 */

/** How sure the reading is: weak tasks do not count in a presenter's report. */
export type TaskStrength = 'strong' | 'weak';

/** A task read from a clause. */
export interface ClauseTask {
  strength: TaskStrength;
  verb: string;
  owner?: string;
  isPronounOwner?: boolean;
  recipient?: string;
}

/** What a clause says: its subject, and the task if it is one. */
export interface ClauseReading {
  subject: Subject;
  task?: ClauseTask;
}

/** How the clause came to be read. */
export interface ClauseContext {
  /** The sentence names a deadline, which makes "skal være færdige" a task. */
  hasDueDate: boolean;
  /** The clause is the content of a decision ("besluttede at X igangsættes"): the passive is the decision. */
  isDecisionContent: boolean;
}

const fronted = new Set(
  `herudover derudover herefter derefter desuden endvidere efterfølgende fremadrettet fremover
  derfor således samtidig dernæst snarest straks nu hurtigst løbende også tillige ligeledes
  hermed dermed så til i på med efter inden senest ved for fra om under forud hen inden for
  ift. ift iht. vedr. vedrørende`.split(/\s+/u),
);
const subordinators = new Set(
  'som der at hvis når hvor hvilke hvilket hvem hvad fordi da såfremt selvom mens hvorvidt idet'.split(
    ' ',
  ),
);
const modalAdverbs = new Set(
  `derfor også så snarest hurtigst muligt nu fremover efterfølgende herefter derefter løbende selv
  fortsat desuden yderligere straks først endvidere altid ligeledes gerne hver især i
  fællesskab allerede`.split(/\s+/u),
);
const discussionPresent = new Set(['drøfter', 'behandler']);
const requestPassives = new Set(['opfordres', 'anmodes', 'pålægges', 'inviteres', 'opfordret']);
const sendingVerbs = new Set([
  'sende',
  'indsende',
  'fremsende',
  'oversende',
  'videresende',
  'rundsende',
  'tilsende',
  'maile',
  'aflevere',
  'levere',
  'melde',
  'give',
  'rapportere',
  'afrapportere',
]);

const wordOf = (token: string): string =>
  token.replace(/^[("'“”»«]+|[)"'“”»«.,:;!?]+$/gu, '').toLowerCase();

/** Someone a thing is sent to: "til Bente Poulsen", "til sekretariatet". */
function findRecipient(following: string): string | undefined {
  const named =
    /^(?:\S+\s+){0,5}?til\s+((?:\p{Lu}[\p{L}-]*)(?:\s+(?:og\s+)?\p{Lu}[\p{L}-]*){0,3})/u.exec(
      following,
    );
  if (named?.[1]) return named[1];
  const role =
    /^(?:\S+\s+){0,5}?til\s+(\p{L}*(?:sekretariatet|afdelingen|udvalget|direktionen|cheferne|chefen|forvaltningen|hr))(?![\p{L}])/iu.exec(
      following,
    );
  return role?.[1];
}

interface FiniteVerb {
  index: number;
  kind: 'modal' | 'task' | 'request' | 'received' | 'responsible' | 'other';
  verb?: TaskVerb;
}

/** Finds the clause's finite verb among its first words. */
function findFiniteVerb(tokens: readonly string[], words: readonly string[]): FiniteVerb | null {
  for (let index = 0; index < Math.min(words.length, 22); index += 1) {
    const word = words[index] ?? '';
    const rest = words.slice(index + 1, index + 4).join(' ');
    if (index > 0 && subordinators.has(word)) return null;
    if (taskModals.has(word)) return { index, kind: 'modal' };
    if (requestPassives.has(word) && /^(?:til|om)?\s*at\b/u.test(rest))
      return { index, kind: 'request' };
    if (word === 'får' && /^(?:tilsendt|tilsendt|sendt|besked)/u.test(rest))
      return { index, kind: 'received' };
    const participle = word === 'bliver' ? taskVerbOfParticiple(words[index + 1] ?? '') : undefined;
    if (participle) return { index, kind: 'task', verb: { ...participle, form: 'passive' } };
    if (
      (word === 'har' && /^(?:ansvaret|ansvar|til opgave)/u.test(rest)) ||
      (word === 'er' && /^(?:ansvarlige?|tovholdere?)\s+(?:for|på)/u.test(rest))
    )
      return { index, kind: 'responsible' };
    const verb = taskVerbOf(word);
    if (verb && verb.form !== 'infinitive') {
      const following = tokens.slice(index + 1).join(' ');
      const subject = tokens.slice(0, index).join(' ');
      if (hasRequiredCompany(verb, following, subject, false)) return { index, kind: 'task', verb };
      return { index, kind: 'other' };
    }
    if (isNonTaskFinite(word)) return { index, kind: 'other' };
  }
  return null;
}

/** The subject of a clause: before the verb, or right after it when something else comes first. */
function readClauseSubject(
  tokens: readonly string[],
  words: readonly string[],
  verbIndex: number,
): { subject: Subject; isInverted: boolean } {
  const region = tokens.slice(0, verbIndex);
  const first = words[0] ?? '';
  if (region.length > 0 && !(fronted.has(first) && verbIndex > 0 && first !== 'der'))
    return { subject: readSubject(region), isInverted: false };
  // V2 order after a fronted adverbial: "Herefter sender sekretariatet materialet ud".
  for (let length = 1; length <= 3; length += 1) {
    const candidate = readSubject(tokens.slice(verbIndex + 1, verbIndex + 1 + length));
    if (candidate.kind === 'agent' || candidate.kind === 'pronoun')
      return { subject: candidate, isInverted: true };
  }
  return { subject: { kind: region.length > 0 ? 'thing' : 'generic' }, isInverted: true };
}

const canAct = (subject: Subject) => subject.kind === 'agent' || subject.kind === 'pronoun';

function strongTask(subject: Subject, verb: string, following: string): ClauseTask {
  const recipient = sendingVerbs.has(verb) ? findRecipient(following) : undefined;
  return {
    strength: 'strong',
    verb,
    ...(subject.owner ? { owner: subject.owner } : {}),
    ...(subject.kind === 'pronoun' ? { isPronounOwner: true } : {}),
    ...(recipient ? { recipient } : {}),
  };
}

/** Reads what follows a modal: an inverted subject, then the verb it governs. */
function readAfterModal(
  tokens: readonly string[],
  words: readonly string[],
  modalIndex: number,
  subject: Subject,
  context: ClauseContext,
): ClauseTask | undefined {
  const modal = words[modalIndex] ?? '';
  let index = modalIndex + 1;
  while (index < words.length && modalAdverbs.has(words[index] ?? '')) index += 1;
  const next = words[index] ?? '';
  if (next === 'ikke' || next === 'aldrig') return undefined;
  if (
    (modal === 'vil' || modal === 'må') &&
    (next === 'gerne' || words[modalIndex + 1] === 'gerne')
  )
    return undefined;
  // "Alle bedes sende forslag": everyone asked is someone to follow up.
  let actor: Subject =
    modal === 'bedes' && subject.kind === 'generic' && modalIndex === 1
      ? { kind: 'agent', owner: tokens[0]?.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()) }
      : subject;
  // "dette skal cheferne sørge for": the one who acts stands after the modal.
  for (let length = 1; length <= 3; length += 1) {
    const candidate = readSubject(tokens.slice(index, index + length));
    const after = words[index + length] ?? '';
    if (canAct(candidate) && (taskVerbOf(after) || stateInfinitives.has(after))) {
      actor = candidate;
      index += length;
      break;
    }
  }
  while (index < words.length && modalAdverbs.has(words[index] ?? '')) index += 1;
  const verbWord = words[index] ?? '';
  const following = tokens.slice(index + 1).join(' ');
  if (decisionInfinitives.has(verbWord)) return undefined;
  if (discussionInfinitives.has(verbWord))
    return context.hasDueDate && actor.kind !== 'generic'
      ? { strength: 'weak', verb: verbWord }
      : undefined;
  if (stateInfinitives.has(verbWord)) {
    if (!context.hasDueDate || actor.kind === 'generic') return undefined;
    return canAct(actor) && actor.kind === 'agent'
      ? strongTask(actor, verbWord, following)
      : { strength: 'weak', verb: verbWord };
  }
  const verb = taskVerbOf(verbWord);
  if (!verb)
    return modal === 'bedes' && canAct(actor) ? strongTask(actor, verbWord, following) : undefined;
  if (!hasRequiredCompany(verb, following, tokens.slice(0, modalIndex).join(' '), true))
    return undefined;
  if (actor.kind === 'generic') return undefined;
  if (verb.form === 'passive') return { strength: 'weak', verb: verb.infinitive };
  if (modal === 'vil' && !canAct(actor)) return undefined;
  return canAct(actor) ? strongTask(actor, verb.infinitive, following) : undefined;
}

/** Reads a main clause; null when it has no finite verb to go by or is not a main clause. */
export function readClause(clause: string, context: ClauseContext): ClauseReading | null {
  const tokens = clause.split(/\s+/u).filter(Boolean);
  const words = tokens.map(wordOf);
  if (words.length === 0 || (subordinators.has(words[0] ?? '') && words[0] !== 'der')) return null;
  const finite = findFiniteVerb(tokens, words);
  if (!finite || finite.index === 0) return null;
  const read = readClauseSubject(tokens, words, finite.index);
  const region = tokens.slice(0, finite.index);
  // "Kirstine undersøger …": an unknown name before an active verb.
  const subject: Subject =
    read.subject.kind === 'thing' && finite.verb?.form === 'present' && isLikelyName(region)
      ? { kind: 'agent', owner: region[0]?.replace(/[.,:;]+$/u, '') }
      : read.subject;
  const following = tokens.slice(finite.index + 1).join(' ');
  const word = words[finite.index] ?? '';
  switch (finite.kind) {
    case 'other':
      // "Cheferne drøfter sagen i deres ledergrupper inden næste møde"
      if (discussionPresent.has(word) && subject.kind === 'agent' && context.hasDueDate)
        return { subject, task: strongTask(subject, word, following) };
      return { subject };
    case 'modal':
      return { subject, task: readAfterModal(tokens, words, finite.index, subject, context) };
    case 'request':
    case 'responsible':
      return canAct(subject)
        ? { subject, task: strongTask(subject, word, following) }
        : { subject, task: { strength: 'weak', verb: word } };
    case 'received':
      return {
        subject,
        task: {
          strength: 'weak',
          verb: 'tilsende',
          ...(subject.owner ? { recipient: subject.owner } : {}),
        },
      };
    case 'task':
      return {
        subject,
        task: readFiniteTask(finite.verb, subject, region.join(' '), following, context),
      };
  }
}

function readFiniteTask(
  verb: TaskVerb | undefined,
  subject: Subject,
  subjectText: string,
  following: string,
  context: ClauseContext,
): ClauseTask | undefined {
  if (!verb || subject.kind === 'generic') return undefined;
  if (verb.form === 'present') {
    if (reportingInfinitives.has(verb.infinitive) && !context.hasDueDate) return undefined;
    return canAct(subject) ? strongTask(subject, verb.infinitive, following) : undefined;
  }
  const isTheDecision = context.isDecisionContent && launchingInfinitives.has(verb.infinitive);
  if (isTheDecision && subject.kind === 'thing') return undefined;
  // "Næste møde afholdes d. 21. marts" is the forum's calendar, not a task.
  if (
    verb.infinitive === 'afholde' &&
    /^(?:mødet|(?:det\s+)?(?:næste|førstkommende|kommende)\s+møde)$/iu.test(subjectText.trim())
  )
    return undefined;
  return { strength: 'weak', verb: verb.infinitive };
}
