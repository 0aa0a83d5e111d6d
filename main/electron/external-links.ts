/**
 * Links the page may hand to the system browser: https only, without credentials, to a real
 * host name. Everything else a page tries to open (file:, app:, javascript:, custom schemes that
 * launch other programs) is dropped: shell.openExternal with an unchecked URL is remote code
 * execution waiting to happen.
 */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}

export interface ShellLike {
  openExternal(url: string): Promise<void>;
}

/** Opens a checked https link in the system browser; says whether it did. */
export function openExternally(shell: ShellLike, raw: string): boolean {
  const url = externalUrl(raw);
  if (!url) return false;
  shell.openExternal(url).catch((e: unknown) => {
    console.warn('LayerLab: could not open', url, e);
  });
  return true;
}
