import { parseArgs } from 'node:util';
import { Temporal } from 'temporal-polyfill';
import { CalendarError, holidaysFromIcs } from '../calendar/index.ts';
import { type CliIo, UsageError } from './io.ts';
import { UnreadableFile } from './load.ts';

export const importHolidaysHelp = `tandem import-holidays FILE.ics [--from YYYY-MM-DD] [--to YYYY-MM-DD]

Prints the all-day events of an iCalendar file as a calendar's holidays in the engagement file format: yearly
rules expanded over the range, multi-day events as one entry per date (DTEND is exclusive), observed days as
they are in the file. The range defaults to today and the next two years.`;

export function importHolidaysCommand(args: string[], io: CliIo, now: number): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, to: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('import-holidays takes one .ics FILE');
  const file = positionals[0]!;
  for (const [flag, value] of [['--from', values.from], ['--to', values.to]] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new UsageError(`${flag} takes a date, YYYY-MM-DD`);
  }
  const today = Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO('UTC').toPlainDate();
  const from = values.from ?? today.toString();
  const to = values.to ?? (Temporal.PlainDate.from(from).add({ years: 2 }).toString());
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    throw new UnreadableFile(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const holidays = holidaysFromIcs(text, { from, to });
    io.out([`# ${holidays.length} holidays from ${file}, ${from} to ${to}`, 'holidays:', ...holidays.map((h) => `  - { date: ${h.date}, name: ${JSON.stringify(h.name)} }`)].join('\n'));
    return 0;
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    if (error.field[0] === 'from' || error.field[0] === 'to') throw new UsageError(error.message);
    io.err(`${file}: ${error.message}`);
    return 1;
  }
}
