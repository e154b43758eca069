import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';

/** The project's copy of the Meeting JSON Schema, compiled once for tests. */
export const validateMeetingJson = new Ajv2020({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(new URL('../../spec/meeting.schema.json', import.meta.url), 'utf8')),
);
