// The content script for an origin whose mappings are all glpi (background/registrations.ts).
import { glpi } from '../../adapters/glpi.ts';
import { startContentScript } from '../start.ts';

startContentScript([glpi]);
