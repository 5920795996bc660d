import { render } from 'preact';
import { App } from './app/App.tsx';
import { preload } from './app/handbook.ts';
import { restoreScroll, startServiceWorker } from './app/update.ts';
import { consumeLaunchQueue, listenForPaste } from './import/sources.ts';
import './app/base.css';

// IndexedDB opens while the app renders its first frame, not after it.
preload();
const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
startServiceWorker();
consumeLaunchQueue();
listenForPaste();
restoreScroll();
