import { parseEngagement, type Engagement } from '../engagement/index.ts';
import { parseInstant } from '../escalation/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { formatProblem } from './validate.ts';

/** A file named on the command line that cannot be read: exit status 2, like a usage error. */
export class UnreadableFile extends Error {}

export type Loaded = { ok: true; engagement: Engagement } | { ok: false; code: number };

/** Reads and validates an engagement for a command; problems go to stderr as `validate` prints them. */
export function loadEngagement(file: string, io: CliIo, now: number): Loaded {
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.err(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return { ok: false, code: 2 };
  }
  const result = parseEngagement(text, { fileName: file, now });
  if (result.ok) return { ok: true, engagement: result.engagement };
  for (const p of result.problems) io.err(formatProblem(p, file));
  io.err(`${file}: not a valid engagement; fix the problems above first`);
  return { ok: false, code: 1 };
}

/** An instant from the command line: ISO with an offset or Z, or local to `zone`. */
export function instantArg(name: string, text: string | undefined, zone: string, fallback?: number): number {
  if (text === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const at = parseInstant(text, zone);
  if (at === null) throw new UsageError(`--${name} '${text}' is not a date and time: write e.g. 2026-11-28T02:00-05:00`);
  return at;
}
