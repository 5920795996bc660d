// `npm start`: what Tandem does, on this machine: the CLI checks the example engagement and prints its P1 clocks,
// then the offline handbook (PWA) is served with the example one tap away.
import { spawnSync } from 'node:child_process';
import { startDemoHelpdesk } from './demo-helpdesk/server.ts';
import { serve } from './serve.ts';

const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/tandem.mjs', ...args], { stdio: 'inherit' });

if (cli('validate', 'examples/acme-ost.yaml').status !== 0) process.exit(1);
cli('due', '--engagement', 'examples/acme-ost.yaml', '--priority', 'P1', '--opened', '2026-11-28T02:00:00-05:00', '--now', '2026-11-28T02:45:00-05:00');

const port = Number(process.env.PORT ?? 5173);
const host = process.env.HOST ?? '127.0.0.1';
const server = await serve({ root: 'dist/pwa', port, host });
const demo = await startDemoHelpdesk(port + 1, host);
console.log(`
Offline handbook (PWA): ${server.url}/
  Open it, press "Try the example engagement" (or drop your own .yaml), then go offline: it keeps working.

Extension: load dist/extension unpacked (chrome://extensions, Developer mode, Load unpacked).
Demo helpdesk: ${demo.url}/
  In Tandem's options subscribe to ${demo.url}/acme-ost.demo.yaml (the example, its portal moved here) and
  allow the site, then open ${demo.url}/ticket/4712: the panel shows owner, clocks and whom to call.
Press Ctrl+C to stop.`);
