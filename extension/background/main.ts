// Service worker entry. crxjs resolves `?script` to the content script's output file name; files named *.iife.ts
// are built as one self-contained IIFE (no loader, no web-accessible chunks), which is what
// scripting.registerContentScripts and executeScript load into helpdesk pages.
import contentScript from '../content/main.iife.ts?script';
import { installListeners } from './listeners.ts';

installListeners({ contentScript });
