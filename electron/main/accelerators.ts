// The page handles every key itself, so the menu's accelerators are labels only
// (registerAccelerator: false in menu-template.ts). Electron honours that on Linux and Windows
// only: on macOS a menu key equivalent still fires when the page leaves the key alone (typing
// "q" in a settings field would also run "Next quote"; a key the page handled is not offered
// to the menu). A click the keyboard triggered is ignored on such items, so on every platform
// a key runs its command once, from the page, and a menu pick (mouse, VoiceOver) still works.
import type { MenuItemConstructorOptions } from 'electron';

export function labelOnlyAccelerators(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.map((item) => {
    const out: MenuItemConstructorOptions = { ...item };
    if (Array.isArray(item.submenu)) out.submenu = labelOnlyAccelerators(item.submenu);
    const click = item.click;
    if (click && item.accelerator && item.registerAccelerator === false) {
      out.click = (menuItem, window, event) => {
        if (!event?.triggeredByAccelerator) click(menuItem, window, event);
      };
    }
    return out;
  });
}
