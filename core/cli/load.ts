import { parseEngagement, type Engagement } from '../engagement/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { formatProblem } from './validate.ts';

/** Reads and validates the engagement a command works on; its problems go to stderr and the command fails. */
export function loadEngagement(path: string | undefined, io: CliIo, now: number): Engagement | null {
  if (path === undefined) throw new UsageError('--engagement FILE is required');
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    throw new UnreadableFile(`${path}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const result = parseEngagement(text, { fileName: path, now });
  if (!result.ok) {
    for (const p of result.problems) io.err(formatProblem(p, path));
    return null;
  }
  return result.engagement;
}

/** A file named on the command line that cannot be read: exit status 2, like a usage error. */
export class UnreadableFile extends Error {}

/** An ISO 8601 instant with an offset or Z; a bare local time is ambiguous on the command line. */
export function parseInstant(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) {
    throw new UsageError(`${flag} takes an ISO 8601 instant with its offset, e.g. 2026-11-28T02:00:00-05:00 or 2026-11-28T07:00:00Z`);
  }
  return Date.parse(text);
}
