// Reads a file in chunks so a large import reports progress instead of sitting silent.
export async function readText(file: Blob, onBytes: (read: number, total: number) => void): Promise<string> {
  const total = file.size;
  if (typeof file.stream !== 'function') return file.text();
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    read += value.length;
    onBytes(Math.min(read, total), total);
  }
  return parts.join('');
}
