// The content script for an origin whose mappings are all freshservice (background/registrations.ts).
import { freshservice } from '../../adapters/freshservice.ts';
import { startContentScript } from '../start.ts';

startContentScript([freshservice]);
