// The content script for an origin whose mappings are all zendesk (background/registrations.ts).
import { zendesk } from '../../adapters/zendesk.ts';
import { startContentScript } from '../start.ts';

startContentScript([zendesk]);
