// The content script for an origin whose mappings are all autotask (background/registrations.ts).
import { autotask } from '../../adapters/autotask.ts';
import { startContentScript } from '../start.ts';

startContentScript([autotask]);
