// Which helpdesk wrote an export, guessed from its header row (and, failing that, its file name). A guess only:
// the view shows it in a select the user can change, and the reader reports the columns it could not find.
import { EXPORT_FIELDS } from '../../../core/engagement/vocabulary.ts';
import type { ExportFormat } from '../../../core/report/types.ts';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  zendesk: 'Zendesk',
  jira: 'Jira Service Management',
  servicenow: 'ServiceNow',
  freshservice: 'Freshservice',
  halopsa: 'HaloPSA',
  connectwise: 'ConnectWise PSA',
  generic: 'Generic CSV (Tandem column names)',
};

/**
 * Headers that one helpdesk's export has and the others' do not (lower case). Names that several tools or Tandem's
 * own generic columns use ("Reopens", "Opened", "Number", "Summary") are not evidence: one of them alone once made a
 * generic file read as Zendesk, so they are left out.
 */
const SIGNATURES: Record<Exclude<ExportFormat, 'generic'>, string[]> = {
  zendesk: ['created at', 'solved at', 'first reply time in minutes', 'full resolution time in minutes', 'group stations', 'assignee stations', 'requester email', 'ticket type'],
  jira: ['issue key', 'issue id', 'issue type', 'custom field (date of first response)', 'custom field (request type)'],
  servicenow: ['opened_at', 'short_description', 'made_sla', 'assignment_group', 'reassignment_count', 'sys_id', 'caller_id', 'incident_state', 'short description'],
  freshservice: ['created date', 'created time', 'first response status', 'resolution status', 'due by time', 'initial response time', 'requester name', 'first responded at', 'first response due by'],
  halopsa: ['faultid', 'dateoccurred', 'date occurred', 'date logged', 'excludefromsla', 'exclude from sla', 'fixbydate', 'respondbydate', 'responsedate', 'tickettype_name', 'client_name'],
  connectwise: ['ticket #', 'ticket number', 'date entered', 'dateentered', 'date responded', 'dateresponded', 'board/name', 'company/name', 'dateresolved', 'date resolved', 'summary description'],
};

/** The columns a generic CSV has when nobody mapped them (the generic reader's defaults). */
const CANONICAL: readonly string[] = EXPORT_FIELDS.map((f) => f.toLowerCase());

const NAME_HINTS: Array<[RegExp, ExportFormat]> = [
  [/zendesk/i, 'zendesk'],
  [/jira|jsm/i, 'jira'],
  [/servicenow|snow|incident/i, 'servicenow'],
  [/freshservice/i, 'freshservice'],
  [/halo/i, 'halopsa'],
  [/connectwise|\bcw/i, 'connectwise'],
];

export interface Detected {
  /** Null: nothing in the header or the name tells, and the view keeps the user's choice. */
  format: ExportFormat | null;
  /** Why, in words for the view: "header: Created at, Solved at". */
  reason: string;
}

/** `head`: the first few kB of the file. */
export function detectFormat(fileName: string, head: string): Detected {
  const text = head.replace(/^\uFEFF/, '');
  // Of the readers, only Zendesk's takes JSON (the incremental export API and ticket metric events).
  if (/^\s*[[{]/.test(text)) return { format: 'zendesk', reason: 'JSON: a Zendesk API export' };
  const headers = headerCells(text).map((h) => h.trim());
  const lower = headers.map((h) => h.toLowerCase());
  const votes = (Object.entries(SIGNATURES) as Array<[ExportFormat, string[]]>)
    .map(([format, names]) => ({ format, hits: headers.filter((_, i) => names.includes(lower[i]!)) }))
    .filter((v) => v.hits.length > 0)
    .sort((a, b) => b.hits.length - a.hits.length);
  // The generic reader needs id and created under exactly those names; a helpdesk's export never has both.
  const canonical = headers.filter((_, i) => CANONICAL.includes(lower[i]!));
  if (lower.includes('id') && lower.includes('created') && canonical.length > (votes[0]?.hits.length ?? 0)) {
    return { format: 'generic', reason: `header: Tandem's column names (${canonical.slice(0, 3).join(', ')}…)` };
  }
  const [first, second] = votes;
  if (first && first.hits.length > (second?.hits.length ?? 0)) return { format: first.format, reason: `header: ${first.hits.slice(0, 3).join(', ')}` };
  for (const [re, format] of NAME_HINTS) if (re.test(fileName)) return { format, reason: 'file name' };
  const shown = headers.slice(0, 3).join(', ');
  return { format: null, reason: `header not recognized (${shown}${headers.length > 3 ? '…' : ''}): choose the helpdesk, or name its columns in the mapping's export columns and read it as generic` };
}

/** The first CSV record's cells; the delimiter is the most frequent of , ; and tab outside quotes. */
export function headerCells(text: string): string[] {
  const line = firstRecord(text);
  const counts = [',', ';', '\t'].map((d) => [d, unquoted(line).split(d).length] as const);
  const delimiter = counts.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** Up to the first line break outside quotes (a quoted header may span lines). */
function firstRecord(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

function unquoted(line: string): string {
  return line.replace(/"(?:[^"]|"")*"/g, '');
}
