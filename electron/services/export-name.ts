import { basename } from 'node:path';

/** Longest suggested name before ".wav": file managers and old file systems cope with it. */
const MAX_NAME = 80;

/**
 * The file name the save dialog suggests for an article's audio. It comes from the article's
 * title (else its file or link name), which the article's author or web page chose: it must
 * never carry a folder, a parent-folder step, a drive or characters a file system refuses.
 */
export function exportFileName(title: string | null, name: string): string {
  const fromName = basename(name.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, MAX_NAME)
      .trim();
  const stem = clean(title ?? '') || clean(fromName) || 'Article';
  return `${stem}.wav`;
}
