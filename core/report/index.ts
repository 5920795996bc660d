// The QBR report engine (issue 8): export readers → ticket records → SLA/OLA clocks → KPIs.
export { readExport, EXPORT_FORMATS } from './read.ts';
export { buildReport } from './build.ts';
export { outcomeOf } from '../sla/outcomes.ts';
export { reportToCsv } from './report-csv.ts';
export { buildTimeline } from './timeline.ts';
export { findMapping, mappingTypeFor, readerOptionsFor } from './canon.ts';
export { nearestRank } from './stats.ts';
export { ExportError } from './problems.ts';
export { DEFINITIONS as REPORT_DEFINITIONS } from './definitions.ts';
export { AGE_BUCKETS, DURATION_EDGES } from './types.ts';
export type {
  AgeBucket, BacklogKpi, Breach, ClockOutcome, Disagreement, ExportFormat, ExportInput, ExportReading, HelpdeskSla,
  HistoryEntry, MetricKpi, PolicyKpi, ReaderOptions, RecordField, Report, ReportOptions, ReportProblem, Stats, TextSource,
  TicketKpi, TicketRecord, TicketResult,
} from './types.ts';
