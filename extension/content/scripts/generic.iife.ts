// The content script for an origin whose mappings are all generic (background/registrations.ts).
import { generic } from '../../adapters/generic.ts';
import { startContentScript } from '../start.ts';

startContentScript([generic]);
