// The content script for an origin whose mappings are all freshdesk (background/registrations.ts).
import { freshdesk } from '../../adapters/freshdesk.ts';
import { startContentScript } from '../start.ts';

startContentScript([freshdesk]);
