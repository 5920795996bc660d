// The content script for an origin whose mappings are all servicenow (background/registrations.ts).
import { servicenow } from '../../adapters/servicenow.ts';
import { startContentScript } from '../start.ts';

startContentScript([servicenow]);
