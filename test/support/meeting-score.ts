/**
 * A port of `shared/tools/score-parse` (field-by-field scoring of a parsed Meeting against a
 * hand-checked one), so that the accuracy bar is tested without the shared folder.
 * Text similarity uses the longest common subsequence, which ranks like difflib's ratio.
 */

interface LooseItem {
  number?: unknown;
  title?: unknown;
  caseNumber?: unknown;
  durationMinutes?: unknown;
  background?: unknown;
  presentation?: unknown;
  decision?: unknown;
  recommendation?: { proposer?: unknown; points?: unknown } | null;
  attachments?: Array<{ title?: unknown }>;
  absent?: Array<{ name?: unknown; role?: unknown }>;
}

interface LooseMeeting {
  [key: string]: unknown;
  items?: LooseItem[];
}

/** The outcome: matched and total field counts, and a line per miss. */
export interface MeetingScore {
  matched: number;
  total: number;
  misses: string[];
  percent: number;
}

/** The scorer's normalization: no tags, emphasis, heading marks, bullets; folded case. */
export function normalizeForScore(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = String(value).normalize('NFC');
  text = text.replace(/<[^>]+>/gu, ' ').replaceAll('\\_', '_');
  text = text.replace(/(\*\*|__|\*)/gu, '');
  text = text.replace(/^\s*#{1,6}\s*/gmu, '');
  text = text.replace(/^\s*(?:[-*+•]|\d+[.)])\s+/gmu, '');
  text = text.replace(/^\s*-{3,}\s*$/gmu, '');
  text = text.replace(/\s+/gu, ' ').trim().toLowerCase();
  return text.replace(/[ .:;,]+$/u, '');
}

function normalizeTitle(value: unknown): string {
  return normalizeForScore(
    String(value ?? '').replace(/^\s*(?:punkt\s+\d+:\s*)?(?:cf\s+-\s+)?/iu, ''),
  );
}

/** 2·LCS / (|a| + |b|), or 1 for equal strings and 0 when one side is empty. */
export function similarity(left: string, right: string): number {
  if (left === right) return 1;
  if (left.length === 0 || right.length === 0) return 0;
  let previous = new Uint16Array(right.length + 1);
  let current = new Uint16Array(right.length + 1);
  for (let i = 1; i <= left.length; i++) {
    for (let j = 1; j <= right.length; j++) {
      current[j] =
        left.charCodeAt(i - 1) === right.charCodeAt(j - 1)
          ? (previous[j - 1] ?? 0) + 1
          : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return (2 * (previous[right.length] ?? 0)) / (left.length + right.length);
}

/** Scores `got` against `gold` the way score-parse does. */
export function scoreMeeting(gold: LooseMeeting, got: LooseMeeting): MeetingScore {
  const misses: string[] = [];
  let matched = 0;
  let total = 0;
  const check = (where: string, isGood: boolean): void => {
    total++;
    if (isGood) matched++;
    else misses.push(where);
  };
  for (const key of ['forum', 'kind', 'date', 'start', 'location']) {
    check(key, normalizeForScore(gold[key]) === normalizeForScore(got[key]));
  }
  const goldItems = gold.items ?? [];
  const gotItems = new Map<number, LooseItem>();
  for (const item of got.items ?? []) {
    if (typeof item.number === 'number' && !gotItems.has(item.number))
      gotItems.set(item.number, item);
  }
  check('items.count', goldItems.length === (got.items ?? []).length);
  for (const goldItem of goldItems) {
    const where = `item ${String(goldItem.number)}`;
    const item = gotItems.get(Number(goldItem.number));
    if (!item) {
      for (let index = 0; index < (goldItem.recommendation ? 10 : 9); index++)
        check(`${where} missing`, false);
      continue;
    }
    check(
      `${where}.title`,
      similarity(normalizeTitle(goldItem.title), normalizeTitle(item.title)) >= 0.97,
    );
    check(
      `${where}.caseNumber`,
      String(goldItem.caseNumber ?? '') === String(item.caseNumber ?? '').trim(),
    );
    check(
      `${where}.durationMinutes`,
      (goldItem.durationMinutes ?? null) === (item.durationMinutes ?? null),
    );
    for (const key of ['background', 'presentation', 'decision'] as const) {
      check(
        `${where}.${key}`,
        similarity(normalizeForScore(goldItem[key]), normalizeForScore(item[key])) >= 0.9,
      );
    }
    scoreRecommendation(where, goldItem, item, check);
    const titles = (list: LooseItem['attachments']) =>
      (list ?? []).map((entry) => normalizeForScore(entry.title));
    check(
      `${where}.attachments`,
      JSON.stringify(titles(goldItem.attachments)) === JSON.stringify(titles(item.attachments)),
    );
    const people = (list: LooseItem['absent']) =>
      (list ?? []).map((entry) => [normalizeForScore(entry.name), normalizeForScore(entry.role)]);
    check(
      `${where}.absent`,
      JSON.stringify(people(goldItem.absent)) === JSON.stringify(people(item.absent)),
    );
  }
  return { matched, total, misses, percent: (100 * matched) / Math.max(total, 1) };
}

function scoreRecommendation(
  where: string,
  goldItem: LooseItem,
  item: LooseItem,
  check: (where: string, isGood: boolean) => void,
): void {
  const goldRecommendation = goldItem.recommendation;
  if (!goldRecommendation) {
    check(`${where}.recommendation`, !item.recommendation);
    return;
  }
  const got = item.recommendation ?? {};
  check(
    `${where}.recommendation.proposer`,
    normalizeForScore(goldRecommendation.proposer) === normalizeForScore(got.proposer),
  );
  const goldPoints = (goldRecommendation.points as string[] | undefined) ?? [];
  const gotPoints = Array.isArray(got.points) ? (got.points as string[]) : [];
  check(
    `${where}.recommendation.points`,
    goldPoints.length === gotPoints.length &&
      goldPoints.every(
        (point, index) =>
          similarity(normalizeForScore(point), normalizeForScore(gotPoints[index])) >= 0.9,
      ),
  );
}
