// Which helpdesk wrote an export, guessed from its header row (and, failing that, its file name). A guess only:
// the view shows it in a select the user can change, and the reader reports the columns it could not find.
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
 * Headers that one helpdesk's export has and the others' do not (lower case). Shared names ("Priority", "Ticket
 * ID", "Resolved") would only blur the vote, so they are left out.
 */
const SIGNATURES: Record<ExportFormat, string[]> = {
  zendesk: ['created at', 'solved at', 'first reply time in minutes', 'full resolution time in minutes', 'group stations', 'assignee stations', 'requester email', 'ticket type', 'reopens'],
  jira: ['issue key', 'issue id', 'issue type', 'labels', 'custom field (date of first response)', 'custom field (request type)', 'reporter'],
  servicenow: ['number', 'opened_at', 'short_description', 'made_sla', 'assignment_group', 'reassignment_count', 'sys_id', 'caller_id', 'incident_state', 'opened', 'short description'],
  freshservice: ['created date', 'created time', 'first response status', 'resolution status', 'due by time', 'initial response time', 'requester name', 'first responded at', 'first response due by'],
  halopsa: ['faultid', 'dateoccurred', 'date occurred', 'date logged', 'excludefromsla', 'exclude from sla', 'fixbydate', 'respondbydate', 'responsedate', 'tickettype_name', 'client_name'],
  connectwise: ['ticket #', 'ticket number', 'date entered', 'dateentered', 'date responded', 'dateresponded', 'board', 'board/name', 'company/name', 'dateresolved', 'date resolved', 'summary description'],
  generic: ['firstresponse', 'firstresolved', 'requesteremail', 'firstresponsebreached', 'resolutionbreached', 'firstresponsedue', 'resolutiondue'],
};

const NAME_HINTS: Array<[RegExp, ExportFormat]> = [
  [/zendesk/i, 'zendesk'],
  [/jira|jsm/i, 'jira'],
  [/servicenow|snow|incident/i, 'servicenow'],
  [/freshservice/i, 'freshservice'],
  [/halo/i, 'halopsa'],
  [/connectwise|\bcw/i, 'connectwise'],
];

export interface Detected {
  format: ExportFormat;
  /** Why, in words for the view: "header: Created at, Solved at". */
  reason: string;
}

/** `head`: the first few kB of the file. */
export function detectFormat(fileName: string, head: string): Detected {
  const text = head.replace(/^\uFEFF/, '');
  // Of the readers, only Zendesk's takes JSON (the incremental export API and ticket metric events).
  if (/^\s*[[{]/.test(text)) return { format: 'zendesk', reason: 'JSON: a Zendesk API export' };
  const headers = headerCells(text).map((h) => h.trim());
  let best: { format: ExportFormat; hits: string[] } | null = null;
  for (const [format, names] of Object.entries(SIGNATURES) as Array<[ExportFormat, string[]]>) {
    const hits = headers.filter((h) => names.includes(h.toLowerCase()));
    if (hits.length > (best?.hits.length ?? 0)) best = { format, hits };
  }
  if (best) return { format: best.format, reason: `header: ${best.hits.slice(0, 3).join(', ')}` };
  for (const [re, format] of NAME_HINTS) if (re.test(fileName)) return { format, reason: `file name` };
  return { format: 'generic', reason: 'no known header: columns named as Tandem names them' };
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
