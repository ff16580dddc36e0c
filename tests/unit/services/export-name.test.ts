import { describe, expect, it } from 'vitest';
import { exportFileName } from '../../../electron/services/export-name';

describe('exportFileName', () => {
  it('names the audio after the article title', () => {
    expect(exportFileName('Idlib: a bloody week', 'idlib.txt')).toBe('Idlib a bloody week.wav');
  });
  it('falls back to the file or link name without its extension or folders', () => {
    expect(exportFileName(null, 'notes/story.html')).toBe('story.wav');
    expect(exportFileName('', 'bbc.co.uk/news/articles/c123')).toBe('c123.wav');
  });
  it('never carries a folder, a parent-folder step or a drive from a hostile title or link', () => {
    for (const hostile of ['../../.config/autostart/x', '..\\..\\Windows\\evil', 'C:\\x', '/etc/passwd', '...']) {
      const name = exportFileName(hostile, hostile);
      expect(name).not.toMatch(/[/\\:]/);
      expect(name.startsWith('.')).toBe(false);
      expect(name.endsWith('.wav')).toBe(true);
    }
  });
  it('drops control characters and characters file systems refuse, and keeps names short', () => {
    expect(exportFileName('A\u0000b*c?"d"<e>|f\nG', 'x.txt')).toBe('A b c d e f G.wav');
    expect(exportFileName('word '.repeat(100), 'x.txt').length).toBeLessThanOrEqual(84);
  });
  it('gives a name when nothing usable is left', () => {
    expect(exportFileName('///', '///')).toBe('Article.wav');
  });
});
