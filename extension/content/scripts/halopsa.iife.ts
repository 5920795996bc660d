// The content script for an origin whose mappings are all halopsa (background/registrations.ts).
import { halopsa } from '../../adapters/halopsa.ts';
import { startContentScript } from '../start.ts';

startContentScript([halopsa]);
