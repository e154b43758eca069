import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/referat.js', import.meta.url));
const fixture = (file: string): string =>
  fileURLToPath(new URL(`fixtures/minutes/${file}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'referat-cli-'));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function referat(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('referat parse', () => {
  it('prints a Meeting document with --json', async () => {
    const result = await referat('parse', fixture('chefforum-2018-10-11.docx'), '--json');
    expect(result.code).toBe(0);
    const meeting = JSON.parse(result.stdout);
    expect(meeting).toMatchObject({
      forum: 'Chefforum',
      kind: 'minutes',
      date: '2018-10-11',
      start: '09:00',
    });
    expect(meeting.items).toHaveLength(8);
  });

  it('prints a readable Danish summary without --json', async () => {
    const result = await referat('parse', fixture('chefforum-2017-06-14.txt'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Referat: Chefforum, 14. juni 2017 kl. 13:00, Mødelokale 2');
    expect(result.stdout).toContain('7 punkter fundet');
    expect(result.stdout).toContain('[00.01.10-P20-1-17]');
  });

  it('has --help on the command', async () => {
    const result = await referat('parse', '--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--json');
  });

  const pdfBytes = readFileSync(fixture('chefforum-2017-06-14.pdf'));
  const docxBytes = readFileSync(fixture('chefforum-2017-06-14.docx'));
  const badInputs: Array<[string, () => string]> = [
    ['an empty file', () => scratchFile('empty.txt', '')],
    [
      'binary junk',
      () =>
        scratchFile(
          'junk.txt',
          new Uint8Array(4096).map((_, index) => (index * 7919) % 256),
        ),
    ],
    [
      'a truncated PDF',
      () => scratchFile('truncated.pdf', pdfBytes.subarray(0, pdfBytes.length / 3)),
    ],
    ['an encrypted PDF', () => fixture('../bad/encrypted.pdf')],
    [
      'a corrupt DOCX',
      () => scratchFile('corrupt.docx', docxBytes.subarray(0, docxBytes.length / 2)),
    ],
    [
      'a text with no items',
      () => scratchFile('no-items.txt', 'Et notat.\n\nIngen punkter her.\n'),
    ],
    ['a missing file', () => join(scratch, 'missing.pdf')],
    [
      'a 50 MB file',
      () => {
        const path = scratchFile('huge.txt', 'x');
        truncateSync(path, 50 * 1024 * 1024);
        return path;
      },
    ],
  ];

  it.each(badInputs)(
    'rejects %s with one line on stderr and exit code 2',
    async (_name, makeFile) => {
      const result = await referat('parse', makeFile(), '--json');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^referat: /u);
      expect(result.stderr).not.toMatch(/\n\s+at /u);
    },
  );

  it('stops a file that takes longer than the time limit', async () => {
    const big = `Punkt 1: CF - Stort\n\nBeslutning\n\n${'Chefforum drøftede sagen. '.repeat(400_000)}`;
    const result = await referat('parse', scratchFile('slow.txt', big), '--timeout', '0.001');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^referat: opgivet efter/u);
  });
});

describe('referat render', () => {
  const meetingJson = fixture('chefforum-2018-10-11.json');

  it.each(['pdf', 'docx', 'html', 'md'])('writes a %s file', async (format) => {
    const output = join(scratch, `meeting.${format}`);
    const result = await referat('render', meetingJson, '--format', format, '-o', output);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Skrev ${output}`);
    const parsed = await referat('parse', output, '--json');
    expect(JSON.parse(parsed.stdout).items).toHaveLength(8);
  });

  it('renders an agenda from parsed minutes, without decisions', async () => {
    const result = await referat(
      'render',
      fixture('chefforum-2017-06-14.docx'),
      '-f',
      'md',
      '--kind',
      'agenda',
      '-o',
      '-',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# DAGSORDEN Chefforum d\. 14-06-2017/u);
    expect(result.stdout).not.toContain('### Beslutning');
  });

  const badRenders: Array<[string, () => string[]]> = [
    [
      'invalid JSON',
      () => [
        'render',
        scratchFile('bad.json', '{"forum": '),
        '-f',
        'pdf',
        '-o',
        join(scratch, 'x.pdf'),
      ],
    ],
    [
      'a JSON that is not a meeting',
      () => [
        'render',
        scratchFile('notmeeting.json', '{"forum": "CF"}'),
        '-f',
        'pdf',
        '-o',
        join(scratch, 'x.pdf'),
      ],
    ],
    ['no output file', () => ['render', meetingJson, '-f', 'pdf']],
    ['an unknown format', () => ['render', meetingJson, '-f', 'odt', '-o', join(scratch, 'x.odt')]],
    [
      'a missing output folder',
      () => ['render', meetingJson, '-f', 'md', '-o', join(scratch, 'nowhere', 'x.md')],
    ],
    [
      'the input as output',
      () => [
        'render',
        scratchFile('same.md', readFileSync(fixture('chefforum-2015-11-05.txt'))),
        '-f',
        'md',
        '-o',
        join(scratch, 'same.md'),
      ],
    ],
  ];

  it.each(badRenders)(
    'rejects %s with one Danish line and exit code 2',
    async (_name, makeArgs) => {
      const result = await referat(...makeArgs());
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^referat: /u);
      expect(result.stderr).not.toMatch(/error:|\n\s+at /u);
    },
  );
});
