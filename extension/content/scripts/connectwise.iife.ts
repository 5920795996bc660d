// The content script for an origin whose mappings are all connectwise (background/registrations.ts).
import { connectwise } from '../../adapters/connectwise.ts';
import { startContentScript } from '../start.ts';

startContentScript([connectwise]);
