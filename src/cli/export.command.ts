import { extname } from 'node:path';
import { type Command, Option } from 'commander';
import { anonymousActor, localAdministrator } from '../core/actor.ts';
import { openArchive } from '../services/archive.ts';
import { type ExportFormat, exportFormats, exportMeetings } from '../services/export-service.ts';
import { createStreamSink, OutputFileError, writeFileAtomically } from '../services/output-file.ts';
import { UserError } from './user-error.ts';

interface ExportCommandOptions {
  format?: ExportFormat;
  output?: string;
  public?: boolean;
}

/** `referat export [--format json|jsonl] [-o FILE] [--public]`: every meeting as Meeting JSON. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('skriv alle møder i arkivet som mødedokumenter (meeting.schema.json)')
    .addOption(
      new Option(
        '-f, --format <format>',
        'json (én liste) eller jsonl (ét møde pr. linje); standard: efter filnavnet, ellers jsonl',
      ).choices([...exportFormats]),
    )
    .option('-o, --output <file>', 'outputfil; - eller intet skriver til standard ud')
    .option(
      '--public',
      'kun hvad offentligheden må se: udsendte møder i offentlige fora, lukkede punkter uden indhold',
    )
    .action(async (options: ExportCommandOptions) => {
      const output = options.output ?? '-';
      const format = options.format ?? formatFromFileName(output);
      // The command line acts as the local administrator; --public as the anonymous reader.
      const actor = options.public ? anonymousActor : localAdministrator();
      const archive = await openArchive();
      try {
        if (output === '-') {
          await exportMeetings(archive.database, actor, format, createStreamSink(process.stdout));
          return;
        }
        const summary = await writeFileAtomically(output, (sink) =>
          exportMeetings(archive.database, actor, format, sink),
        );
        process.stderr.write(
          `Eksporterede ${summary.meetings.toLocaleString('da-DK')} ${summary.meetings === 1 ? 'møde' : 'møder'} og ${summary.items.toLocaleString('da-DK')} ${summary.items === 1 ? 'punkt' : 'punkter'} til ${output}\n`,
        );
      } catch (error) {
        if (error instanceof OutputFileError) throw new UserError(error.message);
        throw error;
      } finally {
        await archive.close();
      }
    });
}

function formatFromFileName(path: string): ExportFormat {
  return extname(path).toLowerCase() === '.json' ? 'json' : 'jsonl';
}
