/**
 * The system clipboard, with this window's last copy kept as a fallback: a browser may refuse
 * to let a page read the clipboard (no permission), and a menu's Paste should still work.
 */
let lastCopied: string | null = null;

export async function writeClipboard(text: string): Promise<void> {
  lastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Refused or unavailable: this window still pastes what it copied.
  }
}

/** Called from the copy and cut events, which hand over the clipboard without asking permission. */
export function rememberCopied(text: string): void {
  lastCopied = text;
}

export async function readClipboard(): Promise<string | null> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return lastCopied;
  }
}
