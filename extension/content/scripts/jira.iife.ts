// The content script for an origin whose mappings are all jira (background/registrations.ts).
import { jira } from '../../adapters/jira.ts';
import { startContentScript } from '../start.ts';

startContentScript([jira]);
