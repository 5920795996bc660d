/** A path into the CalendarSpec (or a method argument name) that a validator can map onto a source position. */
export type FieldPath = ReadonlyArray<string | number>;

/**
 * Thrown for any bad calendar input. `field` is precise (['hours','mon',0,1] names the end of Monday's first
 * interval) because the engagement validator turns it into a file line:col.
 */
export class CalendarError extends Error {
  readonly field: FieldPath;
  constructor(field: FieldPath, message: string) {
    super(field.length > 0 ? `${formatPath(field)}: ${message}` : message);
    this.name = 'CalendarError';
    this.field = field;
  }
}

function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out;
}
