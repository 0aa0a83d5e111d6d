import { isRendererUrl } from './app-protocol';

/** The members of an IPC event the check reads. */
export interface SenderEvent {
  readonly sender: unknown;
  readonly senderFrame: { readonly url: string } | null;
}

/** The window's web contents as far as the check is concerned. */
export interface MainContentsLike {
  readonly mainFrame: unknown;
  isDestroyed(): boolean;
}

/**
 * True only for a message from our window's main frame showing our page: the same web contents,
 * its top frame (not an iframe a page might embed), and a URL on app://layerlab/index.html.
 */
export function fromOurMainFrame(event: SenderEvent, main: MainContentsLike | null): boolean {
  if (!main || main.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (!frame || event.sender !== main || frame !== main.mainFrame) return false;
  return isRendererUrl(frame.url);
}

export const REFUSED_SENDER = 'Request refused: it did not come from the LayerLab window.';
