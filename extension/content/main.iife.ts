// The content script with every adapter, for an origin whose mappings name several helpdesk types (or none we
// know yet). An origin with one type gets the smaller scripts/<type>.iife.ts instead (background/registrations.ts).
import { ADAPTERS } from '../adapters/index.ts';
import { startContentScript } from './start.ts';

startContentScript(ADAPTERS);
