// Every way a file reaches the handbook besides the picker: dropped anywhere on the page, pasted, or opened
// with the installed app from the operating system (File Handling API).
import { importFiles } from './jobs.ts';

const EXTENSIONS = /\.(ya?ml|json)$/i;

/** MIME types for YAML differ by OS (and are often empty), so the extension and the content decide. */
export async function acceptable(file: File): Promise<boolean> {
  if (EXTENSIONS.test(file.name)) return true;
  if (file.size === 0 || file.size > 25 * 1024 * 1024) return false;
  const head = await file.slice(0, 512).text();
  return /^\s*(#|\{|tandem\s*:|---)/.test(head) && !head.includes('\u0000');
}

export async function importFileList(list: FileList | File[]): Promise<string[]> {
  const files = [...list];
  const skipped: File[] = [];
  const accepted: File[] = [];
  for (const f of files) ((await acceptable(f)) ? accepted : skipped).push(f);
  if (accepted.length) void importFiles(accepted.map((f) => ({ blob: f, name: f.name })));
  return skipped.map((f) => f.name);
}

export function importPastedText(text: string, name = 'pasted.yaml'): void {
  const type = text.trimStart().startsWith('{') ? 'application/json' : 'text/yaml';
  void importFiles([{ blob: new Blob([text], { type }), name: type === 'application/json' && name === 'pasted.yaml' ? 'pasted.json' : name }]);
}

export function looksLikeEngagement(text: string): boolean {
  return /(^|\n)\s*tandem\s*:\s*\d|"tandem"\s*:\s*\d/.test(text.slice(0, 4096));
}

interface LaunchParams {
  files: Array<{ getFile(): Promise<File> }>;
}
declare global {
  interface Window {
    launchQueue?: { setConsumer(consumer: (params: LaunchParams) => void): void };
  }
}

/** Files opened with the installed app (desktop Chromium); a no-op where the API does not exist. */
export function consumeLaunchQueue(): void {
  window.launchQueue?.setConsumer(async (params) => {
    if (!params.files.length) return;
    const files = await Promise.all(params.files.map((h) => h.getFile()));
    await importFileList(files);
    location.hash = '#/engagements';
  });
}

/** Paste anywhere outside a text field: files, or text that declares itself an engagement (`tandem: 1`). */
export function listenForPaste(): () => void {
  const onPaste = (event: ClipboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, [contenteditable]')) return;
    const data = event.clipboardData;
    if (!data) return;
    if (data.files.length) {
      event.preventDefault();
      void importFileList(data.files);
      return;
    }
    const text = data.getData('text/plain');
    if (text && looksLikeEngagement(text)) {
      event.preventDefault();
      importPastedText(text);
    }
  };
  document.addEventListener('paste', onPaste);
  return () => document.removeEventListener('paste', onPaste);
}
