import { type Command, Option } from 'commander';
import { renderMeeting } from '../render/render-meeting.ts';
import { type RenderFormat, renderFormats } from '../render/renderer.ts';
import { readMeetingInput } from './read-meeting-input.ts';
import { UserError } from './user-error.ts';
import { writeOutputFile } from './write-output.ts';

interface RenderCommandOptions {
  format: RenderFormat;
  kind?: 'agenda' | 'minutes';
  output?: string;
  forumAbbreviation?: string;
  public?: boolean;
}

/** `referat render INPUT --format pdf|docx|html|md [--kind agenda|minutes] -o OUT`. */
export function registerRenderCommand(program: Command): void {
  program
    .command('render')
    .description('skriv en dagsorden eller et referat som PDF, Word, HTML eller Markdown')
    .argument('<input>', 'et mødedokument (.json) eller en fil som referat parse læser')
    .addOption(
      new Option('-f, --format <format>', 'outputformat')
        .choices([...renderFormats])
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '-k, --kind <kind>',
        'dagsorden eller referat (standard: mødets egen art)',
      ).choices(['agenda', 'minutes']),
    )
    .option('-o, --output <file>', 'outputfil; - skriver til standard ud')
    .option(
      '--forum-abbreviation <abbreviation>',
      'forummets forkortelse i titler, fx CF (standard: udledt af navnet)',
    )
    .option('--public', 'udelad indholdet af lukkede punkter')
    .action(async (input: string, options: RenderCommandOptions) => {
      if (!options.output)
        throw new UserError('angiv en outputfil med -o FIL (eller -o - for standard ud)');
      const meeting = await readMeetingInput(input);
      const bytes = await renderMeeting(meeting, options.format, {
        kind: options.kind,
        forumAbbreviation: options.forumAbbreviation,
        isPublic: options.public ?? false,
      });
      await writeOutputFile(options.output, bytes, input);
      if (options.output !== '-')
        process.stderr.write(
          `Skrev ${options.output} (${bytes.length.toLocaleString('da-DK')} bytes)\n`,
        );
    });
}
