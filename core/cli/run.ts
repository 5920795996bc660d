import { engagementJsonSchema } from '../engagement/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { validateCommand, validateHelp } from './validate.ts';

const HELP = `tandem: co-managed IT engagements in one file

Usage:
  tandem validate FILE... [--json] [--strict]   check engagement files; file:line:col for every problem
  tandem schema                                 print the JSON Schema of the file format
  tandem --help | --version

Exit status: 0 success, 1 problems found, 2 usage error or unreadable file.

${validateHelp}`;

export const VERSION = '0.1.0';

/** Runs one command line and returns its exit status. `now` pins date-relative checks in tests. */
export function run(argv: string[], io: CliIo, now = Date.now()): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        (command === undefined ? io.err : io.out)(HELP);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        io.out(VERSION);
        return 0;
      case 'validate':
        if (rest.includes('--help')) return io.out(validateHelp), 0;
        return validateCommand(rest, io, now);
      case 'schema':
        io.out(`${JSON.stringify(engagementJsonSchema(), null, 2)}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`tandem: ${(error as Error).message}\nRun 'tandem --help' for usage.`);
      return 2;
    }
    throw error;
  }
}
