// The KPI definitions as the report applies them, carried in every Report so that a reader of the numbers can see
// exactly what was counted (domain-anchors §3.5).
export const DEFINITIONS: Record<string, string> = {
  period: 'Tickets are in the period when created in [from, to) and by the evaluation instant. Months are months of creation in the engagement time zone.',
  attainment:
    'Per policy, priority and metric: met / (met + breached). A metric is breached when any of its cycles went over target; met when its last cycle stopped within target. Clocks still running or paused within target (open), canceled clocks and tickets the helpdesk excluded from SLA are not counted; clocks that never started (a next response when the customer never replied) are not counted at all.',
  business: 'Time to fulfil on the policy calendar for the priority, pauses excluded: the sum of the clock cycles\' elapsed business time, for clocks that stopped (met or breached).',
  calendar: 'Wall-clock time from creation to the instant the metric\'s clock stopped (first response; last resolution), same tickets as business.',
  percentiles: 'Nearest rank: the p-th percentile of n sorted values is the value at rank ceil(p/100 × n); the median is p = 50 (the lower middle value when n is even). Exact: every value is kept.',
  resolved: 'Tickets in the period resolved or closed at least once by the evaluation instant, and not canceled at it (a canceled ticket counts as a ticket only). History after the evaluation instant has not happened yet.',
  reopenRate: 'Resolved tickets with at least one reopen (resolved → open again: the export\'s reopen count, else the status history) / resolved tickets.',
  fcr:
    'First-contact resolution: resolved tickets that are resolved now, were never reopened, and stayed with one assignee and one group (the export\'s stations or reassignment count, else the history; unknown counts as one) / resolved tickets.',
  ticketTimes: 'Ticket first response and resolution (policy-independent): wall-clock creation → first agent response, and creation → last resolution (from the status history when there is one) for tickets resolved or closed now, canceled ones left out.',
  backlog:
    'Tickets created before the period end (or by now, when that is earlier: the snapshot instant) and not resolved, closed or canceled at it, whatever their creation date. Age = business hours on the policy calendar for the priority from creation to the snapshot (wall hours when no policy covers the ticket), in buckets 0-10, 11-20, 21-30, 31-60, 61-90, 91+ (a bucket n-m holds ages below m+1 hours).',
  breaches: 'Every breached metric of a ticket in the period: by = the largest elapsed − target over its cycles (business ms); breachedAt = when the first breached cycle crossed its target.',
  disagreements:
    "Client-facing (kind SLA) policies only: the helpdesk's own verdict per metric (its breach flag, else fulfilment or now against its due time) differs from Tandem's outcome. Canceled clocks are not compared.",
};
