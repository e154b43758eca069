import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/referat.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'referat-limits-'));

async function referatParse(
  file: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'parse', file, '--json'], {
      timeout: 90_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('referat parse at the limits', () => {
  it('refuses 100,000 nested <div> with one Danish line and exit code 2', async () => {
    const path = join(scratch, 'dyb.html');
    writeFileSync(
      path,
      `<html><body>${'<div>'.repeat(100_000)}Punkt 1: Emne${'</div>'.repeat(100_000)}</body></html>`,
    );
    const result = await referatParse(path);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^referat: Dokumentet er for dybt indlejret/u);
  });

  it('prints all 1,200 items of a long document', async () => {
    const path = join(scratch, 'lang.txt');
    const items = Array.from(
      { length: 1200 },
      (_, index) => `Punkt ${index + 1}: CF - Emne ${index + 1}\n\nBeslutning\n\nGodkendt.`,
    );
    writeFileSync(path, `REFERAT Chefforum d. 01-02-2019\n\n${items.join('\n\n')}`);
    const result = await referatParse(path);
    expect(result.code).toBe(0);
    const meeting = JSON.parse(result.stdout);
    expect(meeting.items).toHaveLength(1200);
    expect(meeting.items[1199]).toMatchObject({ number: 1200, title: 'Emne 1200' });
  });
});
