/** Drag a file, or a link from a browser, onto the window to open it. */
export function installDropTarget(overlay: HTMLElement, onFile: (name: string, bytes: Uint8Array) => void, onLink?: (url: string) => void): void {
  let depth = 0;
  const hasFiles = (e: DragEvent) => {
    const types = Array.from(e.dataTransfer?.types ?? []);
    return types.includes('Files') || (onLink !== undefined && types.includes('text/uri-list'));
  };
  window.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    depth++;
    overlay.hidden = false;
  });
  window.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) overlay.hidden = true;
  });
  window.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const file = e.dataTransfer?.files[0];
    if (!file) {
      // text/uri-list: one address per line, comments start with "#".
      const link = (e.dataTransfer?.getData('text/uri-list') ?? '').split(/\r?\n/).map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
      if (link && onLink && /^https?:\/\//i.test(link)) onLink(link);
      return;
    }
    void file.arrayBuffer().then((buffer) => onFile(file.name, new Uint8Array(buffer)));
  });
}
