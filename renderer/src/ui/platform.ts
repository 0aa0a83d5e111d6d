/**
 * The platform's name: from User-Agent Client Hints where the browser has them (Chromium, so
 * Electron: "macOS", "iOS"), else from the user-agent string ("Macintosh", "iPhone"), since the
 * older navigator.platform is deprecated.
 */
const platformName = (navigator as Navigator & { readonly userAgentData?: { readonly platform: string } }).userAgentData?.platform ?? navigator.userAgent;

/** The modifier key as this platform names it, for shortcut hints in titles. */
export const MOD = /mac|iphone|ipad|ios/i.test(platformName) ? '⌘' : 'Ctrl';

/** True when keys typed now belong to a form control, not to the canvas. */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
