export { parseEngagement, MAX_FILE_CHARS, type ParseOptions, type ParseResult } from './parse.ts';
export { engagementJsonSchema } from './json-schema.ts';
export { CURRENT_VERSION, migrations } from './migrate.ts';
export { engagementFileSchema, STATUSES, METRICS, PARTY_KINDS, HELPDESK_TYPES, type EngagementFile } from './schema.ts';
export { parseDuration, parsePhone, expandWeekdays } from './formats.ts';
export { pathText } from './problems.ts';
export type * from './types.ts';
