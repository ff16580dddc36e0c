import type { Settings } from '../core/contract';

/** Theme and text size; CSSOM only (the CSP forbids inline style attributes in markup). */
export function applyAppearance(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = settings.theme;
  root.style.fontSize = `${Math.round(Math.min(3, Math.max(1, settings.fontScale)) * 100)}%`;
}
