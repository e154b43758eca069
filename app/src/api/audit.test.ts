import { expect, test } from 'vitest';
import { auditPath, auditQueryFromUrl, auditQueryToUrl } from './audit.ts';

test('a page of the audit log asks for one line more than it shows', () => {
  expect(auditPath({ since: '', page: 1 })).toBe('/api/audit?limit=51&offset=0');
  expect(auditPath({ since: '2026-11-01', page: 3 })).toBe(
    '/api/audit?limit=51&offset=100&since=2026-11-01',
  );
});

test('the filter and the page live in the address, with Danish names', () => {
  expect(auditQueryToUrl({ since: '2026-11-01', page: 2 })).toBe('?fra=2026-11-01&side=2');
  expect(auditQueryToUrl({ since: '', page: 1 })).toBe('');
  expect(auditQueryFromUrl('?fra=2026-11-01&side=2')).toEqual({ since: '2026-11-01', page: 2 });
});

test('a broken address gives the first page of the whole log', () => {
  expect(auditQueryFromUrl('?fra=i-går&side=-4')).toEqual({ since: '', page: 1 });
  expect(auditQueryFromUrl('?side=2.5')).toEqual({ since: '', page: 1 });
});
