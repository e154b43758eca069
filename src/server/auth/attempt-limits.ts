import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** A limit on attempts: at most `max` in `windowMs` per key. */
export interface AttemptLimit {
  /** Keeps limits apart: the same key under two names counts twice. */
  name: string;
  max: number;
  windowMs: number;
  key(request: FastifyRequest): string;
}

/** The Danish answer when there were too many attempts, with the wait in minutes. */
export function tooManyAttemptsMessage(waitSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(waitSeconds / 60));
  return `For mange forsøg. Prøv igen om ${minutes} ${minutes === 1 ? 'minut' : 'minutter'}.`;
}

/**
 * Makes a preHandler that counts each request against the limits (@fastify/rate-limit's
 * store, in this process's memory) and answers 429 in Danish, with Retry-After, once one is
 * exceeded. It runs after the body is parsed, so a limit can count per username. Registers the
 * plugin (without any global limit) on the instance when it is not there yet.
 */
export async function createAttemptLimiter(
  app: FastifyInstance,
  limits: readonly AttemptLimit[],
): Promise<(request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>> {
  if (!app.hasDecorator('createRateLimit')) await app.register(fastifyRateLimit, { global: false });
  const checks = limits.map((limit) =>
    app.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowMs,
      keyGenerator: (request) => `${limit.name}|${limit.key(request)}`,
    }),
  );
  return async (request, reply) => {
    for (const check of checks) {
      const result = await check(request);
      if (result.isAllowed || !result.isExceeded) continue;
      return reply
        .code(429)
        .header('retry-after', result.ttlInSeconds)
        .send({ error: tooManyAttemptsMessage(result.ttlInSeconds) });
    }
    return undefined;
  };
}

/** A quarter of an hour, the window of the sign-in limits. */
export const quarterOfAnHourMs = 15 * 60 * 1000;
