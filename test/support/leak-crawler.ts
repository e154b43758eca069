import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Actor } from '../../src/core/actor.ts';
import { readDocumentText } from './leak-documents.ts';
import type { Ledger } from './leak-ledger.ts';
import {
  describeUsages,
  findTokens,
  findTokensInDocumentText,
  hiddenTokens,
  type ReaderProfile,
} from './leak-oracle.ts';

/**
 * Requests answers as a reader and looks for tokens the reader must not see: in the headers,
 * the body as UTF-8 text, and documents (PDF, Word) as extracted text. Counts every request,
 * and records leaks and failed positive controls for the test to report.
 */

/** A reader: who the oracle thinks they are, the headers their browser sends, their Actor. */
export interface Reader {
  profile: ReaderProfile;
  headers: Record<string, string>;
  actor: Actor;
}

/** What one request must show. */
export interface Check {
  surface: string;
  /** True: must answer 200; false: must refuse (401, 403 or 404); unset: either. */
  isVisible?: boolean;
  /** Tokens the answer must contain (positive controls). */
  expected?: readonly string[];
  /** Removes what the request itself put into the answer (the search form's value). */
  stripEcho?: (body: string) => string;
}

/** A request's answer as the checks read it. */
export interface CrawledAnswer {
  status: number;
  body: string;
  response: LightMyRequestResponse;
}

const storedMessages = 60;

/** Everything checked and found, across one archive. */
export class LeakReport {
  requests = 0;
  documents = 0;
  leakCount = 0;
  problemCount = 0;
  /** Tokens a reader had to see and did (the positive controls that passed). */
  confirmed = 0;
  readonly surfaces = new Map<string, number>();
  /** Milliseconds spent per surface (requests and reading documents). */
  readonly durations = new Map<string, number>();
  readonly leaks: string[] = [];
  readonly problems: string[] = [];

  /** Leaks by kind: the message with its ids, words and queries left out. */
  readonly leakKinds = new Map<string, number>();

  /** Records a leak: something a reader must not see was in an answer. */
  leak(message: string): void {
    this.leakCount++;
    if (this.leaks.length < storedMessages) this.leaks.push(message);
    const kind = message
      .replace(/\?[^ ]*/gu, '')
      .replace(/zq[a-z]{8}|\d+(?:[.-]\w+)*/gu, '…')
      .replace(/: … \(/u, ': (');
    this.leakKinds.set(kind, (this.leakKinds.get(kind) ?? 0) + 1);
  }

  /** Records a failed positive control: something a reader must see was missing. */
  problem(message: string): void {
    this.problemCount++;
    if (this.problems.length < storedMessages) this.problems.push(message);
  }

  /** Counts one request to a surface. */
  count(surface: string): void {
    this.requests++;
    this.surfaces.set(surface, (this.surfaces.get(surface) ?? 0) + 1);
  }

  /** Adds another report's counts (the totals of one archive). */
  merge(other: LeakReport): void {
    this.requests += other.requests;
    this.documents += other.documents;
    this.leakCount += other.leakCount;
    this.confirmed += other.confirmed;
    this.problemCount += other.problemCount;
    for (const [surface, count] of other.surfaces)
      this.surfaces.set(surface, (this.surfaces.get(surface) ?? 0) + count);
    for (const [kind, count] of other.leakKinds)
      this.leakKinds.set(kind, (this.leakKinds.get(kind) ?? 0) + count);
    for (const [surface, duration] of other.durations)
      this.durations.set(surface, (this.durations.get(surface) ?? 0) + duration);
    this.leaks.push(...other.leaks.slice(0, storedMessages - this.leaks.length));
    this.problems.push(...other.problems.slice(0, storedMessages - this.problems.length));
  }
}

/** Sends GET requests as readers and checks their answers against the ledger. */
export class LeakCrawler {
  readonly app: FastifyInstance;
  readonly ledger: Ledger;
  /** Where findings go: the test starts a fresh report for each part of the check. */
  report: LeakReport;

  constructor(app: FastifyInstance, ledger: Ledger, report: LeakReport) {
    this.app = app;
    this.ledger = ledger;
    this.report = report;
  }

  /** GET `url` as `reader`; records leaks and failed controls, and returns the answer. */
  async get(reader: Reader, url: string, check: Check): Promise<CrawledAnswer> {
    const started = performance.now();
    const response = await this.app.inject({ method: 'GET', url, headers: reader.headers });
    this.report.count(check.surface);
    const where = `${check.surface}: GET ${url} as ${reader.profile.label}`;
    const status = response.statusCode;
    if (status >= 500) this.report.problem(`${where}: answered ${status} ${response.body}`);
    if (check.isVisible === true && status !== 200)
      this.report.problem(`${where}: expected 200, got ${status} ${response.body.slice(0, 200)}`);
    if (check.isVisible === false && ![401, 403, 404].includes(status))
      this.report.problem(`${where}: expected a refusal, got ${status}`);
    const body = response.body;
    const contentType = String(response.headers['content-type'] ?? '');
    const document =
      status === 200 ? await readDocumentText(response.rawPayload, contentType) : null;
    if (document !== null) this.report.documents++;
    const headers = JSON.stringify(response.headers);
    const text = check.stripEcho ? check.stripEcho(body) : body;
    const found = [
      ...findTokens(headers),
      ...(document === null ? findTokens(text) : findTokensInDocumentText(document)),
    ];
    this.checkFound(reader, where, found, check.expected ?? []);
    const durations = this.report.durations;
    durations.set(check.surface, (durations.get(check.surface) ?? 0) + performance.now() - started);
    return { status, body, response };
  }

  /** Checks tokens found anywhere (an export, a service's answer) as this reader. */
  checkFound(
    reader: Reader,
    where: string,
    found: readonly string[],
    expected: readonly string[] = [],
  ): void {
    for (const hidden of hiddenTokens(reader.profile, this.ledger, found))
      this.report.leak(`${where}: ${hidden.token} (${describeUsages(hidden.usages)})`);
    if (expected.length === 0) return;
    const present = new Set(found);
    for (const token of expected)
      if (present.has(token.toLowerCase())) this.report.confirmed++;
      else
        this.report.problem(
          `${where}: ${token} is missing (${describeUsages(this.ledger.usages.get(token.toLowerCase()) ?? [])})`,
        );
  }
}
