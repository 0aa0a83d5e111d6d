import type { HostEvent, Payload, Reply, RequestKind } from '../../../app/protocol';
import type { LayerlabBridge, Transport } from './types';
import { checkEvent, checkPayload, checkReply, listeners } from './validate';

/** Electron prefixes errors thrown in the main process; the user needs only the message. */
function cleanError(e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  return new Error(message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, ''));
}

/** Electron IPC through the preload's bridge; the connection is always open. */
export function electronTransport(bridge: LayerlabBridge): Transport {
  const events = listeners<HostEvent>();
  bridge.onEvent((raw) => {
    const event = checkEvent(raw);
    if (event) events.emit(event);
  });
  return {
    kind: 'electron',
    async request<K extends RequestKind>(kind: K, payload: Payload<K>): Promise<Reply<K>> {
      let raw: unknown;
      try {
        raw = await bridge.request(kind, checkPayload(kind, payload));
      } catch (e) {
        throw cleanError(e);
      }
      return checkReply(kind, raw);
    },
    onEvent: (listener) => events.add(listener),
    getState: () => 'open',
    onStateChange: () => () => undefined,
  };
}
