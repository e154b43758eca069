import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';

/**
 * Under overload the server says so at once, 503 with `Retry-After` and a Danish message,
 * instead of letting every request wait behind the ones it cannot finish
 * (`@fastify/under-pressure`). The limit is the event loop's mean delay, sampled every
 * second; liveness and readiness still answer, so that a busy instance is not
 * taken for a dead one.
 */

/** When to refuse: the event loop's delay in ms and its utilisation (0–1; 0 = not checked). */
export interface OverloadLimits {
  maxEventLoopDelayMs: number;
  maxEventLoopUtilization: number;
}

/** The limits from REFERAT_MAX_EVENT_LOOP_DELAY_MS (default 1000; 0 turns the check off). */
export function overloadLimitsFromEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
): OverloadLimits | null {
  const raw = environment.REFERAT_MAX_EVENT_LOOP_DELAY_MS?.trim();
  const delay = raw ? Number(raw) : 1000;
  if (!Number.isFinite(delay) || delay < 0)
    throw new Error(
      `REFERAT_MAX_EVENT_LOOP_DELAY_MS skal være et antal millisekunder, ikke "${raw}"`,
    );
  if (delay === 0) return null;
  // A busy event loop that still answers promptly is no overload: only its delay counts.
  return { maxEventLoopDelayMs: delay, maxEventLoopUtilization: 0 };
}

/** Routes that answer under pressure too. */
const alwaysAnswered = new Set(['/api/health', '/api/ready', '/metrics']);

/** Refuses requests with 503 while the server is overloaded. */
export async function registerOverloadProtection(
  app: FastifyInstance,
  limits: OverloadLimits,
): Promise<void> {
  await app.register(underPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxEventLoopUtilization: limits.maxEventLoopUtilization,
    retryAfter: 2,
    sampleInterval: 1000,
    pressureHandler: (request, reply, type, value) => {
      if (alwaysAnswered.has(request.routeOptions.url ?? '')) return;
      request.log.warn({ type, value }, 'overloaded: answering 503');
      reply.code(503).header('retry-after', '2');
      // What the handler returns is sent as the answer.
      return { error: 'Serveren har travlt lige nu. Prøv igen om et øjeblik.' } as never;
    },
  });
}
