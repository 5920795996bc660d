// The content script for an origin whose mappings are all osticket (background/registrations.ts).
import { osticket } from '../../adapters/osticket.ts';
import { startContentScript } from '../start.ts';

startContentScript([osticket]);
