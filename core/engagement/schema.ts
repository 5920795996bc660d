// The shape of the engagement file as a person writes it (format v1). Cross-references and the co-managed rules
// live in checks/; this file only says what each value may look like, so that the generated JSON Schema gives
// editors completion and the same messages the CLI prints.
import { z } from 'zod';
import {
  CLOCK_PATTERN,
  DURATION_PATTERN,
  EMAIL_PATTERN,
  ID_PATTERN,
  LOCAL_DATETIME_PATTERN,
  PERCENT_PATTERN,
  SHIFT_PATTERN,
  WEEKDAY_KEY_PATTERN,
  durationMessage,
  isHttpUrl,
  isValidDate,
  parseInterval,
  parsePhone,
} from './formats.ts';

export { EXPORT_FIELDS, HELPDESK_TYPES, METRICS, PARTY_KINDS, RECIPE_FIELDS, STATUSES, TICKET_FIELDS } from './vocabulary.ts';
import { EXPORT_FIELDS, HELPDESK_TYPES, METRICS, PARTY_KINDS, RECIPE_FIELDS, STATUSES, TICKET_FIELDS } from './vocabulary.ts';

const text = z.string().min(1, { error: 'must not be empty' });
const id = z.string().regex(ID_PATTERN, { error: 'an id uses letters, digits, ".", "_" and "-", and starts with a letter or digit' });
const ref = id;
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'write a date as YYYY-MM-DD' })
  .refine(isValidDate, { error: (iss) => `'${String(iss.input)}' is not a calendar date` });
const clock = z.string().regex(CLOCK_PATTERN, { error: (iss) => `'${String(iss.input)}' is not a time of day: write HH:MM (00:00 to 24:00)` });
const localDateTime = z.string().regex(LOCAL_DATETIME_PATTERN, {
  error: (iss) => `'${String(iss.input)}' is not a date and time: write YYYY-MM-DDTHH:MM (local to the schedule's zone) or add an offset`,
});
const duration = z
  .string({ error: (iss) => durationMessage(iss.input) })
  .regex(DURATION_PATTERN, { error: (iss) => durationMessage(iss.input) })
  .refine((v) => /[1-9]/.test(v), { error: 'a target of zero cannot be met: give a positive duration' });
const wallDuration = z
  .string({ error: (iss) => `write a delay with its unit, such as '${String(iss.input)}m'` })
  .regex(/^(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+s)?$/, {
    error: (iss) => `'${String(iss.input)}' is not a delay: write e.g. '0m', '15m', '1h30m' (business days are not allowed here)`,
  });
const percent = z.string({ error: (iss) => `write a percentage as text with %, e.g. '${String(iss.input)}%'` }).regex(PERCENT_PATTERN, { error: (iss) => `'${String(iss.input)}' is not a percentage: write e.g. '75%'` });
const url = z.string().refine(isHttpUrl, { error: (iss) => `'${String(iss.input)}' is not an http(s) URL` });
const email = z.string().regex(EMAIL_PATTERN, { error: (iss) => `'${String(iss.input)}' is not an email address` });
const phone = z.string().refine((v) => parsePhone(v) !== null, {
  error: (iss) => `'${String(iss.input)}' is not an E.164 phone number: write + and the country code, e.g. '+1 973 555 0100' (an extension goes after ' ext ')`,
});
const zone = z.string().meta({ description: 'An IANA time zone id such as America/New_York' });

const interval = z
  .union([z.string(), z.tuple([z.string(), z.string()])])
  .superRefine((value, ctx) => {
    const parsed = parseInterval(value);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: parsed });
  })
  .meta({ description: "A wall-clock range 'HH:MM-HH:MM' (end may be 24:00), or [start, end]" });
const intervals = z.array(interval);
const weekdayKey = z.string().regex(WEEKDAY_KEY_PATTERN, {
  error: (iss) => `'${String(iss.input)}' is not a day or range of days: write e.g. mon, mon-fri, sat,sun or daily`,
});

const meta = z
  .strictObject({
    id,
    title: text,
    version: z.union([z.string(), z.number()]).optional(),
    timeZone: zone.meta({ description: 'The default IANA zone of calendars and schedules' }),
    effective: z.strictObject({ from: date, to: date.optional() }).optional(),
    reviewed: date.optional(),
    description: z.string().optional(),
    approvedBy: z.array(ref).optional(),
    documents: z.array(z.strictObject({ title: text, url })).optional(),
  })
  .meta({ description: 'What the engagement is, its version and when it is in force' });

const supportContract = z.strictObject({
  phone: phone.optional(),
  email: email.optional(),
  url: url.optional(),
  account: z.string().optional(),
  contract: z.string().optional(),
  circuits: z.array(z.string()).optional(),
  hours: ref.optional().meta({ description: 'Calendar id of the hours the vendor answers' }),
  severity: z.string().optional(),
  expires: date.optional(),
  notes: z.string().optional(),
});

const party = z.strictObject({
  kind: z.enum(PARTY_KINDS),
  name: text,
  coverage: ref.optional().meta({ description: 'Calendar id of the hours this party works tickets' }),
  timeZone: zone.optional(),
  hotline: phone.optional(),
  email: email.optional(),
  portal: url.optional(),
  helpdeskIds: z.record(z.string(), z.string()).optional(),
  support: supportContract.optional(),
  notes: z.string().optional(),
});

const CONTACT_KINDS = ['phone', 'sms', 'email', 'teams', 'slack', 'url'] as const;
const slack = z
  .strictObject({
    team: z.string().regex(/^[TE][A-Z0-9]+$/, { error: 'a Slack workspace id starts with T (or E), e.g. T024BE7LD' }),
    user: z.string().regex(/^[UW][A-Z0-9]+$/, { error: 'a Slack user id starts with U or W, e.g. U0G9QF9C6' }).optional(),
    channel: z.string().regex(/^[CGD][A-Z0-9]+$/, { error: 'a Slack channel id starts with C, G or D' }).optional(),
  })
  .refine((s) => (s.user === undefined) !== (s.channel === undefined), { error: 'a Slack contact names either a user or a channel' });
const contact = z
  .strictObject({
    phone: phone.optional(),
    sms: phone.optional(),
    email: email.optional(),
    teams: email.optional().meta({ description: "The person's Teams (Entra) user principal name" }),
    slack: slack.optional(),
    url: url.optional(),
    label: z.string().optional(),
    hours: ref.optional().meta({ description: 'Calendar id of when this method may be used; always when absent' }),
    note: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    const kinds = CONTACT_KINDS.filter((k) => c[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: kinds.length === 0
          ? `a contact method needs one of: ${CONTACT_KINDS.join(', ')}`
          : `a contact method holds one way to reach someone; split ${kinds.join(' and ')} into separate entries`,
      });
    }
  });

const person = z.strictObject({
  name: text,
  party: ref,
  title: z.string().optional(),
  roles: z.array(z.string()).optional(),
  authority: z.array(z.string()).optional(),
  timeZone: zone.optional(),
  contact: z.array(contact).optional().meta({ description: 'Ways to reach this person, in the order to try them' }),
  notes: z.string().optional(),
});

const holiday = z.union([date, z.strictObject({ date, name: z.string().optional() })]);
const calendarObject = z.strictObject({
  name: z.string().optional(),
  timeZone: zone.optional(),
  hours: z.union([z.literal('24x7'), z.record(weekdayKey, intervals)]),
  holidays: z.array(holiday).optional(),
  overrides: z.record(date, intervals).optional().meta({ description: 'Local date → hours that replace that day ([] = closed)' }),
  closures: z.record(date, intervals).optional().meta({ description: 'Local date → ranges removed from business time' }),
});
const calendar = z.union([z.literal('24x7'), calendarObject]);

const priority = z.strictObject({
  name: text,
  means: z.string().optional(),
  examples: z.array(z.string()).optional(),
});

const priorityMatrix = z
  .strictObject({
    impact: z.array(text).min(1),
    urgency: z.array(text).min(1),
    levels: z.record(z.string(), z.record(z.string(), ref)),
  })
  .meta({ description: 'Priority = f(impact, urgency): levels[impact][urgency] is a priority id' });

const raciCell = z
  .string()
  .regex(/^(?!.*(.).*\1)[RACISracis]{1,3}$/, { error: (iss) => `'${String(iss.input)}' is not a RACI cell: use R, A, C, I or S (RA for both)` });
const raci = z.record(ref, raciCell);
const activity = z.strictObject({
  name: text,
  area: z.string().optional(),
  description: z.string().optional(),
  raci: raci.optional(),
  owner: ref.optional().meta({ description: 'Shorthand: this party is both Responsible and Accountable' }),
  afterHours: z
    .strictObject({ calendar: ref, raci })
    .optional()
    .meta({ description: 'The RACI that applies while `calendar` is closed' }),
  evidence: z.array(z.string()).optional(),
  notes: z.string().optional(),
});

const target = z.strictObject({
  calendar: ref,
  first_response: duration.optional(),
  next_response: duration.optional(),
  periodic_update: duration.optional(),
  resolution: duration.optional(),
});
const slaPolicy = z.strictObject({
  name: z.string().optional(),
  kind: z.enum(['SLA', 'OLA', 'UC']),
  provider: ref,
  customer: ref,
  appliesTo: z.strictObject({ activities: z.array(ref).optional(), priorities: z.array(ref).optional() }).optional(),
  start: z.enum(['created', 'assigned']).optional(),
  pauseWhen: z.array(z.enum(STATUSES)).optional(),
  reopen: z.enum(['resume', 'new_cycle']).optional(),
  warnAt: z.array(percent).optional(),
  goal: percent.optional().meta({ description: 'Attainment goal per priority per month, e.g. 95%' }),
  targets: z.record(ref, target),
});

const layer = z.strictObject({
  name: z.string().optional(),
  members: z.array(ref),
  shift: z.string().regex(SHIFT_PATTERN, { error: (iss) => `'${String(iss.input)}' is not a shift length: write e.g. 12h, 1d or 1w` }),
  handoff: localDateTime,
  active: z.array(z.strictObject({ days: weekdayKey, from: clock, to: clock })).optional(),
});
const schedule = z.strictObject({
  name: z.string().optional(),
  party: ref.optional(),
  timeZone: zone.optional(),
  layers: z.array(layer).min(1, { error: 'a schedule needs at least one layer' }),
  overrides: z.array(z.strictObject({ person: ref, from: localDateTime, to: localDateTime, reason: z.string().optional() })).optional(),
  fallback: ref.optional().meta({ description: 'Person or party to call when nobody is on call' }),
});

const escalationTarget = z.string().regex(/^(?:oncall:)?[A-Za-z0-9][A-Za-z0-9_.-]*$/, {
  error: (iss) => `'${String(iss.input)}' is not a target: write a person id, a party id or oncall:<schedule>`,
});
const step = z.strictObject({
  after: wallDuration,
  notify: z.array(escalationTarget).min(1, { error: 'a step notifies at least one target' }),
  say: z.string().optional(),
});
const escalationPolicy = z.strictObject({
  name: z.string().optional(),
  appliesTo: z.strictObject({ priorities: z.array(ref).optional(), activities: z.array(ref).optional() }).optional(),
  calendar: ref.optional().meta({ description: 'Selects the branch: `steps` while open, `afterHours` while closed' }),
  clock: z.enum(['wall', 'business']).optional(),
  steps: z.array(step).min(1, { error: 'a policy needs at least one step' }),
  afterHours: z.array(step).min(1).optional(),
  repeat: z.strictObject({ times: z.int().min(1).max(10), every: wallDuration.optional() }).optional(),
});

const conditionValue = z.union([
  z.string(),
  z.array(z.string()),
  z.strictObject({
    eq: z.string().optional(),
    in: z.array(z.string()).optional(),
    glob: z.string().optional(),
    regex: z.string().optional(),
    domain: z.union([z.string(), z.array(z.string())]).optional(),
  }),
]);
const conditionField = z.string().regex(new RegExp(`^(?:${TICKET_FIELDS.join('|')}|custom\\.[^\\s]+)$`), {
  error: (iss) => `'${String(iss.input)}' is not a ticket field: use ${TICKET_FIELDS.join(', ')} or custom.<name>`,
});
const conditions = z.record(conditionField, conditionValue);
const rule = z.union([
  z.strictObject({ when: conditions, activity: ref, note: z.string().optional() }),
  z.strictObject({ default: ref }),
]);
const recipeField = z.strictObject({
  selector: text,
  attribute: z.string().optional(),
  regex: z.string().optional(),
  format: z.string().optional().meta({ description: "Date format, e.g. 'ddd MMM D HH:mm:ss YYYY' or 'DD/MM/YYYY HH:mm'" }),
  timeZone: zone.optional(),
  map: z.record(z.string(), z.string()).optional(),
});
const helpdesk = z.strictObject({
  id: id.optional(),
  type: z.enum(HELPDESK_TYPES),
  name: z.string().optional(),
  url,
  match: conditions.optional().meta({ description: 'Which tickets at this URL belong to this engagement' }),
  priorities: z.record(z.string(), ref),
  statuses: z.record(z.string(), z.enum(STATUSES)).optional(),
  activities: z.array(rule).min(1, { error: 'list at least a default activity' }),
  sla: z.array(ref).optional(),
  ticketUrl: z.string().optional().meta({ description: 'Regular expression over the URL path with a named group (?<id>…)' }),
  fields: z.partialRecord(z.enum(RECIPE_FIELDS), recipeField).optional(),
  export: z
    .strictObject({
      columns: z.partialRecord(z.enum(EXPORT_FIELDS), text).optional().meta({ description: 'Export field → the column header in this helpdesk\'s ticket export' }),
      timeZone: zone.optional().meta({ description: 'Zone of the export\'s timestamps that carry no offset' }),
    })
    .optional()
    .meta({ description: 'How this helpdesk\'s ticket exports read (tandem report, the PWA report)' }),
});

const runbook = z.strictObject({
  title: text,
  activities: z.array(ref).optional(),
  body: z.string(),
  lastTested: date.optional(),
  owner: ref.optional(),
  triggers: z.array(z.string()).optional(),
});

export const engagementFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    tandem: z.literal(1).meta({ description: 'The format version' }),
    engagement: meta,
    parties: z.record(id, party),
    people: z.record(id, person).optional(),
    calendars: z.record(id, calendar),
    priorities: z.record(id, priority),
    priorityMatrix: priorityMatrix.optional(),
    activities: z.record(id, activity),
    sla: z.record(id, slaPolicy).optional(),
    oncall: z.record(id, schedule).optional(),
    escalation: z.record(id, escalationPolicy).optional(),
    helpdesks: z.array(helpdesk).optional(),
    runbooks: z.record(id, runbook).optional(),
  })
  .meta({ title: 'Tandem engagement', description: 'A co-managed IT engagement: parties, RACI, SLAs, on-call, escalation, runbooks' });

export type EngagementFile = z.infer<typeof engagementFileSchema>;
export type ContactInput = z.infer<typeof contact>;
export type CalendarInput = z.infer<typeof calendar>;
export type IntervalInput = z.infer<typeof interval>;
export type ConditionInput = z.infer<typeof conditionValue>;
export type RuleInput = z.infer<typeof rule>;
export type StepInput = z.infer<typeof step>;
