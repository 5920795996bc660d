// The KPI definitions as the report applies them, carried in every Report so that a reader of the numbers can see
// exactly what was counted (domain-anchors §3.5).
export const DEFINITIONS: Record<string, string> = {
  period: 'Tickets are in the period when created in [from, to). Months are months of creation in the engagement time zone.',
  attainment:
    'Per policy, priority and metric: met / (met + breached). A metric is breached when any of its cycles went over target; met when its last cycle stopped within target. Clocks still running or paused within target (open), canceled clocks and tickets the helpdesk excluded from SLA are not counted.',
  business: 'Time to fulfil on the policy calendar for the priority, pauses excluded: the sum of the clock cycles\' elapsed business time, for clocks that stopped (met or breached).',
  calendar: 'Wall-clock time from creation to the instant the metric\'s clock stopped (first response; last resolution), same tickets as business.',
  percentiles: 'Nearest rank: the p-th percentile of n sorted values is the value at rank ceil(p/100 × n); the median is p = 50 (the lower middle value when n is even). Exact: every value is kept.',
  resolved: 'Tickets in the period resolved, closed or canceled at least once by the evaluation instant.',
  reopenRate: 'Resolved tickets with at least one reopen (resolved → open again: the export\'s reopen count, else the status history) / resolved tickets.',
  fcr:
    'First-contact resolution: resolved tickets that are resolved now, were never reopened, and stayed with one assignee and one group (the export\'s stations or reassignment count, else the history; unknown counts as one) / resolved tickets.',
  ticketTimes: 'Ticket first response and resolution (policy-independent): wall-clock creation → first agent response, and creation → last resolution for tickets resolved now.',
  backlog:
    'Tickets created by the snapshot instant (the period end, or now when earlier) and not resolved, closed or canceled at it, whatever their creation date. Age = business hours on the policy calendar for the priority from creation to the snapshot (wall hours when no policy covers the ticket), in buckets 0-10, 11-20, 21-30, 31-60, 61-90, 91+ (a bucket n-m holds ages below m+1 hours).',
  breaches: 'Every breached metric of a ticket in the period: by = the largest elapsed − target over its cycles (business ms); breachedAt = when the first breached cycle crossed its target.',
  disagreements:
    "Client-facing (kind SLA) policies only: the helpdesk's own verdict per metric (its breach flag, else fulfilment or now against its due time) differs from Tandem's outcome. Canceled clocks are not compared.",
};
