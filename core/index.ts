// The public API of Tandem's core (DESIGN.md section 5). Instants are epoch milliseconds everywhere.
export * from './engagement/index.ts';
export {
  compileCalendar, CalendarError, parseClock, isValidTimeZone, holidaysFromIcs,
  type BusinessCalendar, type CalendarSpec, type Interval, type FieldPath, type IcsHoliday,
} from './calendar/index.ts';
export { route, pickActivity, matches, describeCondition, type TicketFacts, type Routed, type RouteResult, type MatchedRule } from './routing/index.ts';
export { ownership, ownerLine, importRaci, type Ownership, type Holder, type RaciImport, type RaciImportProblem } from './raci/index.ts';
export {
  onCallAt, shifts, whoToCall, contactLink, safeHref, teamsChatHref, slackHref, formatLocal,
  type OnCall, type Shift, type CallRequest, type WhoToCall, type Recipient, type StepView, type ContactLink,
} from './escalation/index.ts';
export {
  readExport, buildReport, reportToCsv, findMapping, readerOptionsFor, ExportError, EXPORT_FORMATS, AGE_BUCKETS, REPORT_DEFINITIONS, nearestRank,
  type ExportFormat, type ExportInput, type ExportReading, type ReaderOptions, type RecordField, type TextSource, type TicketRecord,
  type HistoryEntry, type HelpdeskSla, type ReportProblem, type Report, type ReportOptions, type TicketResult, type TicketKpi,
  type PolicyKpi, type MetricKpi, type BacklogKpi, type Breach, type Disagreement, type ClockOutcome, type Stats, type AgeBucket,
} from './report/index.ts';
