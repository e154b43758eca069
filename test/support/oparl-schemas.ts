import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * The official OParl 1.1.1 schemas (test/fixtures/oparl), compiled once. They carry keywords
 * of their own (`references`, `backreference`, `cardinality`, `schema`) that a standard
 * validator ignores, hence strict: false; their formats `url`, `date` and `date-time` are
 * checked here for real rather than ignored.
 */

const typeNames = [
  'System',
  'Body',
  'Organization',
  'Person',
  'Membership',
  'Meeting',
  'AgendaItem',
  'Consultation',
  'Paper',
  'File',
  'Location',
  'LegislativeTerm',
] as const;

// The schemas' patterns escape ":" and "/", which a Unicode regular expression refuses.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
ajv.addFormat('url', (value: string) => URL.canParse(value) && /^https?:\/\//u.test(value));
ajv.addFormat(
  'date',
  (value: string) =>
    /^\d{4}-\d{2}-\d{2}$/u.test(value) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value,
);
ajv.addFormat(
  'date-time',
  (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/u.test(value) &&
    !Number.isNaN(Date.parse(value)),
);

const validators = new Map<string, ValidateFunction>(
  typeNames.map((name) => [
    `https://schema.oparl.org/1.1/${name}`,
    ajv.compile(
      JSON.parse(readFileSync(new URL(`../fixtures/oparl/${name}.json`, import.meta.url), 'utf8')),
    ),
  ]),
);

/** The short name of an OParl type URL ("Meeting"), or the value itself when it is not one. */
export function shortTypeName(type: unknown): string {
  return String(type).replace('https://schema.oparl.org/1.1/', '');
}

/** The errors of an object against the schema of its `type` (an unknown type is one). */
export function oparlSchemaErrors(object: Record<string, unknown>): string[] {
  const validate = validators.get(String(object.type));
  if (!validate) return [`unknown type ${String(object.type)}`];
  if (validate(object)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}

/** Whether a value is an OParl object (a JSON object with an OParl `type`). */
export function isOparlObject(value: unknown): value is Record<string, unknown> & {
  id: string;
  type: string;
} {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('https://schema.oparl.org/1.1/')
  );
}
