// The public shapes of the QBR report (issue 8): what the export readers produce, what buildReport takes and what
// it returns. The CLI command, the HTML report and the PWA view are built on these; change them only additively.
// Instants are epoch ms and durations are ms, as everywhere in core. A Report is plain JSON (no Infinity, no Map).
import type { ExportField, Metric, Status } from '../engagement/types.ts';
import type { SlaEvaluation, TicketTimeline } from '../sla/types.ts';

/** The export layouts readExport understands; one reader file each in core/report/readers/. */
export type ExportFormat = 'zendesk' | 'jira' | 'servicenow' | 'freshservice' | 'halopsa' | 'connectwise' | 'generic';

/**
 * Text in pieces. The caller opens the file (core never touches the file system): a Node `fs.createReadStream(p,
 * 'utf8')` and a WHATWG `ReadableStream<string>` (e.g. `file.stream().pipeThrough(new TextDecoderStream())`) both
 * fit, and so does a whole string for small inputs and tests. Chunks may split a row or a UTF-16 pair anywhere.
 */
export type TextSource = string | Iterable<string> | AsyncIterable<string> | { getReader(): { read(): Promise<{ done: boolean; value?: string }> } };

/** One input file: its name is only used in problems ("tickets.csv row 12"). */
export interface ExportInput {
  name: string;
  text: TextSource;
}

/** Canonical fields a generic CSV can map from its columns (`--column created="Opened on"` or the engagement). */
export type RecordField = ExportField;

export interface ReaderOptions {
  /**
   * IANA zone of the export's zone-less timestamps ("2026-03-04 10:15"). Required as soon as the file holds one:
   * without it readExport stops with an ExportError naming the file, row and column. Timestamps that carry an
   * offset or Z are taken as written whatever this says.
   */
  exportZone?: string;
  /** Generic CSV: canonical field → column header (case and surrounding spaces ignored). Other formats: overrides. */
  columns?: Partial<Record<RecordField, string>>;
  /**
   * Side files joined to the tickets by id: Zendesk ticket metric events (JSON/NDJSON), ServiceNow task_sla or
   * sys_audit CSV, generic status history CSV (ticket, time, field, value). They are read completely before the
   * ticket file streams, so their size is what stays in memory.
   */
  history?: ExportInput[];
  /** Day-first (31/12/2026) instead of month-first (12/31/2026) for slash dates; ISO dates are unaffected. */
  dayFirst?: boolean;
}

/** A bad row or value: collected, never thrown one by one; the report counts them and goes on. */
export interface ReportProblem {
  severity: 'error' | 'warning';
  /** Stable id of the kind of problem: `bad-time`, `missing-id`, `unmapped-priority`, `not-routed` … */
  code: string;
  message: string;
  file: string;
  /** Spreadsheet row number: the header is row 1, the first ticket row 2 (a JSON export: the ticket's line or index). */
  row: number;
  /** The column (or JSON field) the problem is in, as written in the file. */
  column?: string;
}

/** A field change from the export's history, in the helpdesk's own words (status 'pending', not 'pending_customer'). */
export interface HistoryEntry {
  at: number;
  field: 'status' | 'priority' | 'assignee' | 'group';
  /** The new value; '' when cleared. */
  value: string;
}

/** What the helpdesk itself concluded about one of its SLA metrics for the ticket. */
export interface HelpdeskSla {
  metric: 'first_response' | 'resolution';
  /** True: breached; false: met; absent: only the due time is known. */
  breached?: boolean;
  dueAt?: number;
  /** The helpdesk's policy or SLA definition name when the export gives it. */
  policy?: string;
}

/** The canonical ticket record every reader produces. Native values are kept; routing translates them. */
export interface TicketRecord {
  id: string;
  /** Where it came from, for problems and the breach list. */
  file: string;
  row: number;
  priority?: string;
  status?: string;
  organization?: string;
  requester?: string;
  requesterEmail?: string;
  group?: string;
  assignee?: string;
  category?: string;
  type?: string;
  subject?: string;
  tags?: string[];
  created: number;
  /** First assignment to an agent or group (the start of an OLA that starts on assignment). */
  assigned?: number;
  /** First public agent response. */
  firstResponse?: number;
  /** First and last time the ticket was resolved (solved); equal when it never reopened. */
  firstResolved?: number;
  resolved?: number;
  closed?: number;
  /** Times the ticket went from resolved back to open, when the export counts them. */
  reopens?: number;
  /** Distinct assignees and groups the ticket passed through (Zendesk stations, ServiceNow reassignment_count + 1). */
  assignees?: number;
  groups?: number;
  /** The helpdesk marked the ticket as outside every SLA (Halo excludefromsla). */
  excluded?: boolean;
  /** Field changes in time order, when the export has them. */
  history?: HistoryEntry[];
  helpdeskSla?: HelpdeskSla[];
}

/** What readExport hands back: records as they stream, and the problems found so far (complete once iterated). */
export interface ExportReading {
  records: AsyncIterable<TicketRecord>;
  problems: ReportProblem[];
  /** Rows read, rows that gave a record, and problems found (the list keeps the first 10,000); filled as records stream. */
  stats: { rows: number; records: number; problems: number };
  /** What the reader could not know from this export ("no status history: pauses are not visible"). */
  notes: string[];
}

export interface ReportOptions {
  /** Period on creation, [from, to): epoch ms. Tickets created outside it are left out of the KPIs. */
  from?: number;
  to?: number;
  /** The instant clocks are evaluated at (what has not happened by then has not happened). Also the backlog
   * snapshot when `to` is absent or later. The CLI passes the wall clock; tests pin it. */
  now: number;
  /** Helpdesk mapping (its id in the engagement) that translates the export; default the first of `helpdeskType`. */
  helpdesk?: string;
  /** Which mapping type to look for when `helpdesk` is absent; default the export format's helpdesk type. */
  helpdeskType?: string;
  /** Longest lists kept in the report (breaches, disagreements, problems); the counts are always complete. */
  listLimit?: number;
  /** Problems and notes from reading, carried into the report. */
  reading?: Pick<ExportReading, 'problems' | 'notes' | 'stats'>;
  /** Called once per ticket in the period with the exact clocks the KPIs were computed from (tests, drill-downs). */
  onTicket?: (result: TicketResult) => void;
}

export interface TicketResult {
  id: string;
  priority: string;
  activity: string;
  timeline: TicketTimeline;
  /** evaluateSla's result for each policy that covers the ticket, in engagement order. */
  evaluations: SlaEvaluation[];
}

const MINUTE = 60_000;
/**
 * Upper bounds (exclusive, ms) of the duration histogram's buckets: under 15 min, 15–30 min, 30 min–1 h, 1–2 h,
 * 2–4 h, 4–8 h, 8–24 h, 1–3 days, and a last bucket for everything from 3 days on.
 */
export const DURATION_EDGES = [15, 30, 60, 120, 240, 480, 1440, 4320].map((m) => m * MINUTE);

/** Exact order statistics (nearest rank) of a set of durations in ms; null when the set is empty. */
export interface Stats {
  count: number;
  median: number | null;
  p90: number | null;
  /** How many durations fall in each DURATION_EDGES bucket (DURATION_EDGES.length + 1 counts). */
  histogram: number[];
}

/** Clock outcome counts for one metric; attainment = met / (met + breached), null when nothing was due. */
export interface MetricKpi {
  metric: Metric;
  met: number;
  breached: number;
  /** Still running or paused within target at the evaluation instant: not yet due, not counted. */
  open: number;
  canceled: number;
  attainment: number | null;
  /** Time to fulfil, on the policy's calendar with its pauses excluded (the clock's elapsed), fulfilled clocks only. */
  business: Stats;
  /** Wall time created → fulfilment (first response; last resolution), same tickets. */
  calendar: Stats;
}

/** One SLA/OLA/UC policy's KPIs for the tickets of one priority created in one month (or the whole period). */
export interface PolicyKpi {
  policy: string;
  kind: 'SLA' | 'OLA' | 'UC';
  priority: string;
  /** 'YYYY-MM' in the engagement's zone, or 'all' for the whole period. */
  month: string;
  tickets: number;
  metrics: MetricKpi[];
}

/** Policy-independent ticket KPIs for one priority × month (or 'all'). */
export interface TicketKpi {
  priority: string;
  month: string;
  tickets: number;
  resolved: number;
  reopened: number;
  /** reopened / resolved; null when none resolved. */
  reopenRate: number | null;
  /** See Report.definitions.fcr. */
  fcr: number;
  fcrRate: number | null;
  firstResponse: Stats;
  resolution: Stats;
}

export const AGE_BUCKETS = ['0-10', '11-20', '21-30', '31-60', '61-90', '91+'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

/** Tickets not resolved or closed at the snapshot, whatever their creation date, aged in business hours. */
export interface BacklogKpi {
  policy: string;
  priority: string;
  count: number;
  /** Counts per AGE_BUCKETS, in business hours of the policy's calendar for the priority. */
  buckets: number[];
  /** Age of the oldest, business ms. */
  oldest: number | null;
}

export interface Breach {
  ticket: string;
  policy: string;
  metric: Metric;
  priority: string;
  month: string;
  /** Business ms past the target (elapsed − target). */
  by: number;
  breachedAt: number | null;
}

export type ClockOutcome = 'met' | 'breached' | 'open' | 'canceled' | 'none';

/** Tandem's clock and the helpdesk's own SLA result disagree about a ticket's metric. */
export interface Disagreement {
  ticket: string;
  policy: string;
  metric: 'first_response' | 'resolution';
  priority: string;
  ours: ClockOutcome;
  theirs: 'met' | 'breached';
}

export interface Report {
  engagement: { id: string; title: string; timeZone: string };
  helpdesk: string;
  period: { from: number | null; to: number | null };
  now: number;
  backlogAt: number;
  /** Records seen, in the period, left out (outside the period, not routed, no priority), and problems. */
  counts: { records: number; inPeriod: number; outOfPeriod: number; unrouted: number; noPriority: number; problems: number };
  tickets: TicketKpi[];
  policies: PolicyKpi[];
  backlog: BacklogKpi[];
  breaches: { total: number; listed: Breach[] };
  disagreements: { total: number; listed: Disagreement[] };
  problems: { total: number; listed: ReportProblem[] };
  notes: string[];
  /** The KPI definitions in words, as the report applies them. */
  definitions: Record<string, string>;
}
