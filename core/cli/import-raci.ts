import { parseArgs } from 'node:util';
import { importRaci } from '../raci/index.ts';
import { type CliIo, UsageError } from './io.ts';

export const importRaciHelp = `tandem import-raci FILE.csv [--json]

Reads a RACI matrix exported from a spreadsheet and prints the activities block of the engagement file.
Rows are activities; the first column (or one headed id / activity / name) names them, an optional "area"
column groups them, and every other column is a party or person id. Cells hold R, A, C, I, S or a
combination such as RA; blank cells are left out. Comma, semicolon and tab separators are all read.
Problems are printed with the row and column the spreadsheet shows, and nothing is printed on stdout then.
Exit status: 0 imported, 1 problems in the matrix, 2 usage error or unreadable file.`;

export function importRaciCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('import-raci needs one FILE.csv');
  const file = positionals[0]!;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 2;
  }
  const result = importRaci(text);
  if (values.json) {
    io.out(JSON.stringify({ activities: result.activities, problems: result.problems }, null, 2));
    return result.problems.length > 0 ? 1 : 0;
  }
  for (const p of result.problems) io.err(`${file}: row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`);
  if (result.problems.length > 0) return 1;
  io.out(result.yaml);
  return 0;
}
