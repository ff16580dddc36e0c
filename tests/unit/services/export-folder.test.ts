import { describe, expect, it } from 'vitest';
import { exportFolder } from '../../../electron/main/export-folder';

describe('export folder (where the save dialog opens)', () => {
  it('is the Music folder when there is one', () => {
    expect(exportFolder((name) => `/home/ann/${name}`)).toBe('/home/ann/music');
  });

  it("falls back to Documents, then home, where Electron throws \"Failed to get 'music' path\"", () => {
    const missing = (...names: string[]) => (name: string) => {
      if (names.includes(name)) throw new Error(`Failed to get '${name}' path`);
      return `/home/ann/${name}`;
    };
    expect(exportFolder(missing('music'))).toBe('/home/ann/documents');
    expect(exportFolder(missing('music', 'documents'))).toBe('/home/ann/home');
    expect(exportFolder(missing('music', 'documents', 'home'))).toBeNull();
  });
});
