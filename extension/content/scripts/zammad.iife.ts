// The content script for an origin whose mappings are all zammad (background/registrations.ts).
import { zammad } from '../../adapters/zammad.ts';
import { startContentScript } from '../start.ts';

startContentScript([zammad]);
