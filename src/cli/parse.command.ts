import type { Command } from 'commander';
import { parseFileWithTimeLimit } from '../parse/parse-with-time-limit.ts';
import { presentMeetingSummary } from './meeting-summary.presenter.ts';
import { UserError } from './user-error.ts';

/** `referat parse FILE [--json]`: reads legacy minutes into a Meeting document. */
export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description(
      'læs et referat eller en dagsorden (.txt, .md, .pdf, .docx, .html) som et mødedokument',
    )
    .argument('<file>', 'filen der skal læses')
    .option('--json', 'skriv mødedokumentet som JSON (meeting.schema.json)')
    .option('--timeout <seconds>', 'største tid på én fil, i sekunder', '60')
    .action(async (file: string, options: { json?: boolean; timeout: string }) => {
      const seconds = Number(options.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0)
        throw new UserError('--timeout skal være et positivt antal sekunder');
      const timeoutMs = seconds * 1000;
      const { meeting, warnings } = await parseFileWithTimeLimit(file, {
        timeoutMs,
        // Scanned pages take seconds each: say how far the OCR has come.
        onProgress: (message) => process.stderr.write(`${message}\n`),
      });
      if (options.json) {
        process.stdout.write(`${JSON.stringify(meeting, null, 2)}\n`);
        for (const warning of warnings) process.stderr.write(`advarsel: ${warning}\n`);
        return;
      }
      process.stdout.write(presentMeetingSummary(meeting, warnings));
    });
}
