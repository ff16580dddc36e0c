// Electron security checklist items that apply to every web contents and session.
import { app, session, type WebContents } from 'electron';

export function hardenAllContents(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    // The app is one page: any navigation (a dropped file, a link, script) is refused.
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-frame-navigate', (e) => {
      if (!e.isSameDocument) e.preventDefault();
    });
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** No camera, microphone, notifications, geolocation…: the app needs no permission at all. */
export function denyAllPermissions(): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  s.setDevicePermissionHandler(() => false);
  // Nothing is downloaded: a drag of a link onto the window must not save files.
  s.on('will-download', (e) => e.preventDefault());
}
