// "Teach Tandem this page": injected by the popup with chrome.scripting.executeScript (activeTab) into the top
// frame of the tab the user is looking at, as one self-contained IIFE. It runs in the isolated world, writes
// nothing into the page outside its own closed shadow root, and talks to the background only with
// chrome.runtime.sendMessage.
import { startPicker, type PickerSession } from './picker/session.tsx';

// Symbol.for lives in this isolated world's registry, which the page cannot see. Clicking "Teach" again restarts.
const KEY = Symbol.for('tandem.picker');
const slot = globalThis as unknown as Record<symbol, PickerSession | undefined>;
slot[KEY]?.stop();
slot[KEY] = startPicker(document);
