// The fixed vocabularies of the format, apart from the zod schema so that code that only needs a list (routing,
// the SLA clock, the extension's content script) does not pull zod into its bundle.
export const STATUSES = ['new', 'open', 'pending_customer', 'pending_vendor', 'on_hold', 'resolved', 'closed', 'canceled'] as const;
export const PARTY_KINDS = ['internal', 'msp', 'mssp', 'vendor', 'leadership', 'client'] as const;
export const METRICS = ['first_response', 'next_response', 'periodic_update', 'resolution'] as const;
export const HELPDESK_TYPES = [
  'zendesk', 'servicenow', 'jira', 'freshservice', 'freshdesk', 'halopsa', 'connectwise', 'autotask', 'zammad',
  'osticket', 'glpi', 'generic',
] as const;
export const TICKET_FIELDS = [
  'organization', 'requester', 'requesterEmail', 'requesterDomain', 'group', 'category', 'type', 'tags',
  'priority', 'status', 'assignee', 'subject', 'ticketId',
] as const;
export const RECIPE_FIELDS = ['id', 'priority', 'status', 'created', 'category', 'organization', 'assignee', 'group', 'requesterEmail', 'subject', 'tags'] as const;
/** Canonical fields of a ticket export row (core/report), which a mapping's `export.columns` can name. */
export const EXPORT_FIELDS = [
  'id', 'priority', 'status', 'organization', 'requester', 'requesterEmail', 'group', 'assignee', 'category', 'type',
  'subject', 'tags', 'created', 'assigned', 'firstResponse', 'firstResolved', 'resolved', 'closed', 'reopens',
  'assignees', 'groups', 'excluded', 'firstResponseBreached', 'resolutionBreached', 'firstResponseDue', 'resolutionDue',
] as const;
