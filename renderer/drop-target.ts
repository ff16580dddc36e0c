import { MAX_ARTICLE_BYTES, tooLargeMessage } from '../core/article/size-limit';

/**
 * Drag a file, or a link from a browser, onto the window to open it. A file is measured before
 * it is read (a dropped video must not be loaded whole into the page to be refused), and a file
 * that cannot be read (a folder, no permission) is refused with a message, not silence.
 */
export function installDropTarget(
  overlay: HTMLElement,
  onFile: (name: string, bytes: Uint8Array) => void,
  onLink: (url: string) => void,
  onRefused: (message: string) => void,
): void {
  let depth = 0;
  const hasFiles = (e: DragEvent) => {
    const types = Array.from(e.dataTransfer?.types ?? []);
    return types.includes('Files') || types.includes('text/uri-list');
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
      if (link && /^https?:\/\//i.test(link)) onLink(link);
      return;
    }
    if (file.size > MAX_ARTICLE_BYTES) return onRefused(tooLargeMessage(file.name, file.size));
    file.arrayBuffer().then(
      (buffer) => onFile(file.name, new Uint8Array(buffer)),
      () => onRefused(`${file.name} could not be read (a folder, or a file this app may not open). Drop a text, Markdown or saved web page file.`),
    );
  });
}
