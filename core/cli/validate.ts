import { parseArgs } from 'node:util';
import { parseEngagement, pathText, type Problem } from '../engagement/index.ts';
import { type CliIo, UsageError } from './io.ts';

export const validateHelp = `tandem validate FILE... [--json] [--strict]

Checks engagement files (YAML or JSON) and prints one line per problem:
  file:line:col severity message (path)
  --json     one JSON document with every file's problems
  --strict   warnings fail the run too
Exit status: 0 valid, 1 problems found, 2 usage error or unreadable file.`;

export function validateCommand(args: string[], io: CliIo, now: number): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, strict: { type: 'boolean' } } });
  if (positionals.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = false;
  let unreadable = false;
  const report: Array<{ file: string; ok: boolean; problems: Problem[] }> = [];
  for (const file of positionals) {
    let text: string;
    try {
      text = io.readFile(file);
    } catch (error) {
      io.err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      unreadable = true;
      continue;
    }
    const result = parseEngagement(text, { fileName: file, now });
    const problems = result.ok ? result.warnings : result.problems;
    const ok = result.ok && !(values.strict && problems.length > 0);
    failed ||= !ok;
    report.push({ file, ok, problems });
    if (!values.json) {
      for (const p of problems) io.out(formatProblem(p, file));
      if (result.ok && result.upgradedFrom !== undefined) io.err(`${file}: written in format ${result.upgradedFrom}, read as format 1`);
    }
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else if (!failed && !unreadable) io.err(`${report.length} file${report.length === 1 ? '' : 's'} valid`);
  return unreadable ? 2 : failed ? 1 : 0;
}

export function formatProblem(p: Problem, file: string): string {
  const where = p.path.length > 0 ? ` (${pathText(p.path)})` : '';
  return `${file}:${p.line}:${p.column} ${p.severity} ${p.message}${where}`;
}
