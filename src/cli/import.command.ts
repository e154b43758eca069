import type { Command } from 'commander';
import { localAdministrator } from '../core/actor.ts';
import { openArchive } from '../services/archive.ts';
import {
  type AttachmentTextProgress,
  readWaitingAttachmentTexts,
} from '../services/attachment-text/attachment-text-reader.ts';
import { importPaths } from '../services/import-service.ts';
import {
  countFailedFiles,
  presentAttachmentTexts,
  presentImportSummary,
} from './import-summary.presenter.ts';
import { createProgressBar } from './progress-bar.ts';
import { UserError } from './user-error.ts';

interface ImportCommandOptions {
  json?: boolean;
  timeout: string;
  /** Commander's name for --no-bilagstekst. */
  bilagstekst: boolean;
}

/**
 * `referat import PATH…`: imports legacy documents, Meeting JSON and JSON Lines into the archive.
 * Prints a summary; exits with code 2 when any file failed, after importing all the rest.
 */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'importér møder fra filer og mapper (.txt, .md, .pdf, .docx, .html, .json, .jsonl og ESDH-eksporter fra SBSYS, eDoc og Acadre) til arkivet',
    )
    .argument('<paths...>', 'filer og mapper der skal importeres')
    .option('--json', 'skriv opsummeringen som JSON')
    .option('--timeout <seconds>', 'største tid på at læse ét dokument, i sekunder', '60')
    .option(
      '--no-bilagstekst',
      'læs ikke teksten i bilagene nu (serveren læser den i baggrunden, når den kører)',
    )
    .action(async (paths: string[], options: ImportCommandOptions) => {
      const seconds = Number(options.timeout);
      if (!Number.isFinite(seconds) || seconds <= 0)
        throw new UserError('--timeout skal være et positivt antal sekunder');
      const archive = await openArchive();
      const progress = createProgressBar(process.stderr);
      try {
        const summary = await importPaths(archive, localAdministrator(), paths, {
          timeoutMs: seconds * 1000,
          onProgress: (state) => progress.update(state),
        });
        progress.finish();
        // The text inside the Bilag stored, read now so that search finds it at once.
        const attachmentTexts = options.bilagstekst
          ? await readWaitingAttachmentTexts(archive, { onProgress: reportTextProgress })
          : null;
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ ...summary, attachmentTexts }, null, 2)}\n`
            : presentImportSummary(summary) + presentAttachmentTexts(attachmentTexts),
        );
        const failed = countFailedFiles(summary);
        if (failed > 0)
          throw new UserError(
            `${failed === 1 ? '1 fil' : `${failed} filer`} kunne ikke importeres helt`,
          );
      } finally {
        progress.finish();
        await archive.close();
      }
    });
}

/**
 * Progress while Bilag are read: on a terminal a line per Bilag; OCR's page lines always (a
 * long scan shows that work goes on, in a log too).
 */
function reportTextProgress(progress: AttachmentTextProgress): void {
  if (progress.line) process.stderr.write(`  ${progress.fileName}: ${progress.line}\n`);
  else if (process.stderr.isTTY)
    process.stderr.write(
      `Læser tekst i bilag ${progress.done + 1} af ${progress.total}: ${progress.fileName}\n`,
    );
}
