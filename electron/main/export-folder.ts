// Where the save dialog of "Export audio" opens. Electron's app.getPath('music') throws
// ("Failed to get 'music' path") on systems without a Music folder, and an exception there
// meant the save dialog never came up: fall back to Documents, then the home folder.
export function exportFolder(getPath: (name: 'music' | 'documents' | 'home') => string): string | null {
  for (const name of ['music', 'documents', 'home'] as const) {
    try {
      const path = getPath(name);
      if (path) return path;
    } catch {
      // not defined on this system: try the next
    }
  }
  return null;
}
