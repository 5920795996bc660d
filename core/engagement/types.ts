// The Engagement that parseEngagement returns: plain JSON, shorthands expanded, ready to store and to compile.
import type { Duration, ShiftLength, Weekday } from './formats.ts';
import type { EXPORT_FIELDS, HELPDESK_TYPES, METRICS, PARTY_KINDS, RECIPE_FIELDS, STATUSES } from './vocabulary.ts';

export type { Duration, ShiftLength, Weekday };
export type Status = (typeof STATUSES)[number];
export type PartyKind = (typeof PARTY_KINDS)[number];
export type Metric = (typeof METRICS)[number];
export type HelpdeskType = (typeof HELPDESK_TYPES)[number];
export type RecipeField = (typeof RECIPE_FIELDS)[number];
export type ExportField = (typeof EXPORT_FIELDS)[number];
export type Role = 'R' | 'A' | 'C' | 'I' | 'S';
export type Path = Array<string | number>;

export interface Problem {
  severity: 'error' | 'warning';
  /** A stable identifier of the rule, e.g. `ref-unknown` or `raci-one-a`. */
  code: string;
  message: string;
  path: Path;
  line: number;
  column: number;
  file?: string;
}

export interface Meta {
  id: string;
  title: string;
  version?: string;
  timeZone: string;
  effective?: { from: string; to?: string };
  reviewed?: string;
  description?: string;
  approvedBy: string[];
  documents: Array<{ title: string; url: string }>;
}

export interface Party {
  kind: PartyKind;
  name: string;
  coverage?: string;
  timeZone: string;
  hotline?: PhoneNumber;
  email?: string;
  portal?: string;
  helpdeskIds: Record<string, string>;
  support?: {
    phone?: PhoneNumber;
    email?: string;
    url?: string;
    account?: string;
    contract?: string;
    circuits: string[];
    hours?: string;
    severity?: string;
    expires?: string;
    notes?: string;
  };
  notes?: string;
}

export interface PhoneNumber {
  /** Digits only, with the leading +. */
  e164: string;
  extension?: string;
  /** As written in the file, for display. */
  display: string;
}

export type ContactMethod =
  | ({ type: 'phone' | 'sms' } & PhoneNumber & ContactCommon)
  | ({ type: 'email' | 'teams'; address: string } & ContactCommon)
  | ({ type: 'slack'; team: string; user?: string; channel?: string } & ContactCommon)
  | ({ type: 'url'; url: string } & ContactCommon);

interface ContactCommon {
  label?: string;
  /** Calendar id of when the method may be used; always when absent. */
  hours?: string;
  note?: string;
}

export interface Person {
  name: string;
  party: string;
  title?: string;
  roles: string[];
  authority: string[];
  timeZone: string;
  contact: ContactMethod[];
  notes?: string;
}

export type ClockInterval = [start: string, end: string];

/** Structurally the core/calendar CalendarSpec, so a calendar compiles as it is stored. */
export interface Calendar {
  name?: string;
  timeZone: string;
  hours: Partial<Record<Weekday, ClockInterval[]>> | '24x7';
  holidays: Array<{ date: string; name?: string }>;
  overrides: Record<string, ClockInterval[]>;
  closures: Record<string, ClockInterval[]>;
}

export interface Priority {
  name: string;
  /** 0 for the most urgent, in the order the file lists them. */
  rank: number;
  means?: string;
  examples: string[];
}

export interface PriorityMatrix {
  impact: string[];
  urgency: string[];
  levels: Record<string, Record<string, string>>;
}

export type Raci = Record<string, Role[]>;

export interface Activity {
  name: string;
  area?: string;
  description?: string;
  raci: Raci;
  afterHours?: { calendar: string; raci: Raci };
  evidence: string[];
  notes?: string;
}

export interface SlaTarget {
  calendar: string;
  metrics: Partial<Record<Metric, Duration>>;
}

export interface SlaPolicy {
  name?: string;
  kind: 'SLA' | 'OLA' | 'UC';
  provider: string;
  customer: string;
  appliesTo: { activities?: string[]; priorities?: string[] };
  start: 'created' | 'assigned';
  pauseWhen: Status[];
  reopen: 'resume' | 'new_cycle';
  /** Percentages of the target, ascending. */
  warnAt: number[];
  goal?: number;
  targets: Record<string, SlaTarget>;
}

export interface Layer {
  name?: string;
  members: string[];
  shift: ShiftLength;
  /** Local date-time in the schedule's zone (or with an explicit offset). */
  handoff: string;
  active?: Array<{ days: Weekday[]; from: string; to: string }>;
}

export interface Schedule {
  name?: string;
  party?: string;
  timeZone: string;
  layers: Layer[];
  overrides: Array<{ person: string; from: string; to: string; reason?: string }>;
  fallback?: string;
}

export type Target = { kind: 'person' | 'party' | 'oncall'; id: string };

export interface EscalationStep {
  afterMs: number;
  notify: Target[];
  say?: string;
}

export interface EscalationPolicy {
  name?: string;
  appliesTo: { priorities?: string[]; activities?: string[] };
  calendar?: string;
  clock: 'wall' | 'business';
  steps: EscalationStep[];
  afterHours?: EscalationStep[];
  repeat?: { times: number; everyMs?: number };
}

export type ConditionOp = 'eq' | 'in' | 'glob' | 'regex' | 'domain';
export interface Condition {
  field: string;
  op: ConditionOp;
  values: string[];
}

export type ActivityRule =
  | { when: Condition[]; activity: string; note?: string }
  | { default: string };

export interface RecipeSelector {
  selector: string;
  attribute?: string;
  regex?: string;
  format?: string;
  timeZone?: string;
  map?: Record<string, string>;
}

export interface HelpdeskMapping {
  id: string;
  type: HelpdeskType;
  name?: string;
  url: string;
  /** The URL's origin, e.g. https://acme.zendesk.com. */
  origin: string;
  match: Condition[];
  priorities: Record<string, string>;
  statuses: Record<string, Status>;
  activities: ActivityRule[];
  sla?: string[];
  ticketUrl?: string;
  fields: Partial<Record<RecipeField, RecipeSelector>>;
  /** How this helpdesk's ticket exports read (tandem report): column headers and the zone of zone-less times. */
  export?: ExportLayout;
}

export interface ExportLayout {
  /** Canonical export field → the column header in this helpdesk's export. */
  columns?: Partial<Record<ExportField, string>>;
  /** IANA zone the export writes zone-less timestamps in. */
  timeZone?: string;
}

export interface Runbook {
  title: string;
  activities: string[];
  body: string;
  lastTested?: string;
  owner?: string;
  triggers: string[];
}

export interface Engagement {
  tandem: 1;
  engagement: Meta;
  parties: Record<string, Party>;
  people: Record<string, Person>;
  calendars: Record<string, Calendar>;
  priorities: Record<string, Priority>;
  priorityMatrix?: PriorityMatrix;
  activities: Record<string, Activity>;
  sla: Record<string, SlaPolicy>;
  oncall: Record<string, Schedule>;
  escalation: Record<string, EscalationPolicy>;
  helpdesks: HelpdeskMapping[];
  runbooks: Record<string, Runbook>;
}
