// A RACI matrix from a spreadsheet: rows are activities, columns are parties (or people), cells are R, A, C, I,
// S or combinations such as RA. Spreadsheets are where these matrices are drafted, so the import is forgiving
// about layout (delimiter, "R/A", blank cells) and exact about what it cannot read: row and column, as the
// spreadsheet shows them.
import Papa from 'papaparse';
import { stringify } from 'yaml';
import { ID_PATTERN } from '../engagement/formats.ts';
import type { Role } from '../engagement/types.ts';

export interface RaciImportProblem {
  /** 1-based row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** Column letter (A, B, … AA); absent for a problem with the whole row. */
  column?: string;
  message: string;
}

export interface ImportedActivity {
  id: string;
  name: string;
  area?: string;
  description?: string;
  raci: Record<string, string>;
}

export interface RaciImport {
  activities: ImportedActivity[];
  problems: RaciImportProblem[];
  /** The activities block in the engagement file's YAML; empty when there are problems. */
  yaml: string;
}

const META = { id: ['id', 'activity id', 'key'], name: ['activity', 'name', 'activity name', 'task'], area: ['area', 'lane', 'category'], description: ['description', 'notes'] } as const;
type MetaKey = keyof typeof META;
const LETTERS: readonly Role[] = ['R', 'A', 'C', 'I', 'S'];

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function importRaci(csv: string): RaciImport {
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const problems: RaciImportProblem[] = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => String(h ?? '').trim());
  if (header.every((h) => h === '')) return { activities: [], problems: [{ row: 1, message: 'the first row must name the columns: the activity, then one column per party' }], yaml: '' };

  const meta: Partial<Record<MetaKey, number>> = {};
  const parties: Array<{ index: number; id: string }> = [];
  header.forEach((h, index) => {
    const key = (Object.keys(META) as MetaKey[]).find((k) => (META[k] as readonly string[]).includes(h.toLowerCase()));
    if (key && meta[key] === undefined) meta[key] = index;
    else if (index === 0 && h === '') meta.name = 0;
    else if (h === '') problems.push({ row: 1, column: columnLetter(index), message: 'this column has no header: name the party it stands for' });
    else if (!ID_PATTERN.test(h)) problems.push({ row: 1, column: columnLetter(index), message: `'${h}' is not a party id: write the id the engagement file uses, e.g. '${slug(h)}'` });
    else parties.push({ index, id: h });
  });
  // With no named activity column, the first column holds the activities.
  if (meta.id === undefined && meta.name === undefined) {
    meta.name = 0;
    const first = parties.findIndex((p) => p.index === 0);
    if (first >= 0) parties.splice(first, 1);
  }
  if (parties.length === 0) problems.push({ row: 1, message: 'no party columns: after the activity, each column names a party or person' });

  const activities: ImportedActivity[] = [];
  const seen = new Map<string, number>();
  rows.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (index: number | undefined) => (index === undefined ? '' : String(cells[index] ?? '').trim());
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const name = cell(meta.name);
    const id = cell(meta.id) || slug(name);
    if (!id) {
      problems.push({ row, column: columnLetter(meta.name ?? meta.id ?? 0), message: 'the activity has no name' });
      return;
    }
    if (!ID_PATTERN.test(id)) problems.push({ row, column: columnLetter(meta.id ?? 0), message: `'${id}' is not an activity id: use letters, digits, '.', '_' and '-'` });
    const dup = seen.get(id);
    if (dup !== undefined) problems.push({ row, message: `activity '${id}' is already on row ${dup}` });
    seen.set(id, row);

    const raci: Record<string, string> = {};
    let badCells = false;
    for (const p of parties) {
      const raw = cell(p.index);
      if (raw === '' || raw === '-' || raw === '–') continue;
      const letters = raw.toUpperCase().replace(/[\s/,+&;]/g, '');
      const bad = [...letters].some((l) => !LETTERS.includes(l as Role)) || new Set(letters).size !== letters.length || letters.length > 3;
      if (bad) {
        problems.push({ row, column: columnLetter(p.index), message: `'${raw}' (${p.id}, ${name || id}) is not a RACI cell: use R, A, C, I or S, or two letters such as RA` });
        badCells = true;
        continue;
      }
      raci[p.id] = ordered(letters);
    }
    // A row with an unreadable cell would only repeat it as a missing A or R.
    const accountable = Object.keys(raci).filter((k) => raci[k]!.includes('A'));
    if (!badCells && accountable.length !== 1) {
      problems.push({ row, message: accountable.length === 0 ? `'${name || id}' has no A: exactly one party is Accountable` : `'${name || id}' has ${accountable.length} As (${accountable.join(', ')}): exactly one party is Accountable` });
    }
    if (!badCells && !Object.values(raci).some((r) => r.includes('R'))) problems.push({ row, message: `'${name || id}' has no R: someone must be Responsible for the work` });
    const description = cell(meta.description);
    const area = cell(meta.area);
    activities.push({ id, name: name || id, ...(area ? { area } : {}), ...(description ? { description } : {}), raci });
  });
  const columnOrder = (c: string | undefined) => (c === undefined ? Number.MAX_SAFE_INTEGER : c.length * 1e6 + [...c].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0));
  problems.sort((a, b) => a.row - b.row || columnOrder(a.column) - columnOrder(b.column));
  return { activities, problems, yaml: problems.length > 0 ? '' : activitiesYaml(activities) };
}

/** R, A, S, C, I: the order the file format's examples write combined cells in. */
function ordered(letters: string): string {
  return ['R', 'A', 'S', 'C', 'I'].filter((l) => letters.includes(l)).join('');
}

function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

function scalar(text: string): string {
  const plain = stringify(text).trimEnd();
  return plain.includes('\n') ? JSON.stringify(text) : plain;
}

/** The `activities:` block, one activity per entry with its RACI row on one line, as people write the file. */
export function activitiesYaml(activities: ImportedActivity[]): string {
  const lines = ['activities:'];
  for (const a of activities) {
    lines.push(`  ${a.id}:`, `    name: ${scalar(a.name)}`);
    if (a.area) lines.push(`    area: ${scalar(a.area)}`);
    if (a.description) lines.push(`    description: ${scalar(a.description)}`);
    lines.push(`    raci: { ${Object.entries(a.raci).map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
  }
  return `${lines.join('\n')}\n`;
}
