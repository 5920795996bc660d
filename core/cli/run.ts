import { engagementJsonSchema } from '../engagement/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { validateCommand, validateHelp } from './validate.ts';
import { whoCommand, whoHelp } from './who.ts';
import { oncallCommand, oncallHelp } from './oncall.ts';
import { ownerCommand, ownerHelp } from './owner.ts';
import { importRaciCommand, importRaciHelp } from './import-raci.ts';
import { UnreadableFile } from './load.ts';
import { dueCommand, dueHelp } from './due.ts';
import { importHolidaysCommand, importHolidaysHelp } from './import-holidays.ts';
import { reportCommand, reportHelp, reportUsage } from './report.ts';

/** One subcommand: its usage line(s) for --help, and what it does. `now` pins the clock in tests. Commands that
 * stream files (report) finish asynchronously. */
export interface Command {
  usage: string;
  help: string;
  run(args: string[], io: CliIo, now: number): number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  validate: { usage: 'tandem validate FILE... [--json] [--strict]', help: validateHelp, run: validateCommand },
  oncall: { usage: 'tandem oncall --engagement FILE [--schedule ID] [--at ISO] [--days N] [--json]', help: oncallHelp, run: oncallCommand },
  who: { usage: 'tandem who --engagement FILE --priority P1 --opened ISO [--now ISO] [--activity ID] [--json]', help: whoHelp, run: whoCommand },
  owner: { usage: 'tandem owner --engagement FILE (--activity ID | --ticket FACTS.json) [--at ISO] [--json]', help: ownerHelp, run: ownerCommand },
  'import-raci': { usage: 'tandem import-raci FILE.csv [--json]', help: importRaciHelp, run: importRaciCommand },
  due: { usage: 'tandem due --engagement FILE --priority P --opened ISO [--now ISO] [--json]', help: dueHelp, run: dueCommand },
  report: { usage: reportUsage, help: reportHelp, run: reportCommand },
  'import-holidays': { usage: 'tandem import-holidays FILE.ics [--from DATE] [--to DATE]', help: importHolidaysHelp, run: importHolidaysCommand },
  schema: {
    usage: 'tandem schema',
    help: 'tandem schema\n\nPrints the JSON Schema (draft-07) of the engagement file format.',
    run: (_, io) => (io.out(`${JSON.stringify(engagementJsonSchema(), null, 2)}\n`), 0),
  },
};

export const VERSION = '0.1.0';

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  return `tandem: co-managed IT engagements in one file

Usage:
${lines.join('\n')}
  tandem COMMAND --help
  tandem --help | --version

Exit status: 0 success, 1 problems found, 2 usage error or unreadable file.`;
}

/** Runs one command line and returns its exit status (a promise for the commands that stream files). */
export function run(argv: string[], io: CliIo, now = Date.now()): number | Promise<number> {
  const [name, ...rest] = argv;
  const failed = (error: unknown): number => {
    if (error instanceof UnreadableFile) return io.err(error.message), 2;
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`tandem: ${(error as Error).message}\nRun 'tandem --help' for usage.`);
      return 2;
    }
    throw error;
  };
  try {
    if (name === undefined) return io.err(help()), 2;
    if (name === '-h' || name === '--help' || name === 'help') return io.out(help()), 0;
    if (name === '-v' || name === '--version') return io.out(VERSION), 0;
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command '${name}'`);
    if (rest.includes('--help') || rest.includes('-h')) return io.out(command.help), 0;
    const code = command.run(rest, io, now);
    return typeof code === 'number' ? code : code.catch(failed);
  } catch (error) {
    return failed(error);
  }
}
