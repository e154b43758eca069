import { vi } from 'vitest';

/** What a command run in process wrote. */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in process with process.stdout captured (and process.stderr, when asked),
 * then puts the streams back. An error the command throws is thrown again once they are.
 */
export async function captureOutput(
  run: () => Promise<unknown>,
  options: { stderr?: boolean } = {},
): Promise<CapturedOutput> {
  const captured: CapturedOutput = { stdout: '', stderr: '' };
  const capture = (stream: keyof CapturedOutput) =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      captured[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return true;
    });
  const spies = [capture('stdout'), ...(options.stderr ? [capture('stderr')] : [])];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return captured;
}
