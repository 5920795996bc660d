import { render } from 'preact';
import { App } from './app/App.tsx';
import { restoreScroll, startServiceWorker } from './app/update.ts';
import { consumeLaunchQueue, listenForPaste } from './import/sources.ts';
import './app/base.css';

const root = document.getElementById('app')!;
root.textContent = '';
render(<App />, root);
startServiceWorker();
consumeLaunchQueue();
listenForPaste();
restoreScroll();
