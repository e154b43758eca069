/**
 * A request the service refuses, with the HTTP status it means and a Danish message; `details`
 * travel in the answer beside `error` (a 409 carries both versions of an item).
 */
export class ServiceError extends Error {
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(status: number, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ServiceError';
    this.status = status;
    this.details = details;
  }
}

/** 404 with a Danish message. */
export function notFound(what: string): ServiceError {
  return new ServiceError(404, `${what} findes ikke.`);
}
