import type { HostEvent, Payload, Reply, RequestKind } from '../../../app/protocol';

/** `reconnecting` means the host went away (or never answered) and a retry is scheduled. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting';

/** The renderer's only way to reach the Node side: typed requests and streamed events. */
export interface Transport {
  readonly kind: 'electron' | 'websocket';
  request<K extends RequestKind>(kind: K, payload: Payload<K>): Promise<Reply<K>>;
  onEvent(listener: (event: HostEvent) => void): () => void;
  getState(): ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

/** What the Electron preload puts on `window.layerlab`. */
export interface LayerlabBridge {
  request(kind: string, payload: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  /** The desktop shell's menu commands and opened files (older preloads lack it). */
  onShellEvent?(listener: (event: unknown) => void): () => void;
}
