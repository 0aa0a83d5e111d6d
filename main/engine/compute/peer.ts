import type { WorkerMessage, Ask, RecordCall } from './messages';
import { engineMessageSchema, MAX_ENGINE_FRAME, type EngineMessageRead } from './messages';
import { decodeFrame, encodeFrame } from './frame-codec';
import { UserError } from '../../user-error';

/** Bytes both ways: a WebSocket to the host, or a MessagePort from the desktop's hidden window. */
export interface FrameLink {
  send(frame: Uint8Array): void;
  onFrame(listener: (frame: Uint8Array) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The worker's side of the conversation with its engine process: asks that are answered (the dataset, a
 * checkpoint written), records that are not, and the engine's own messages (start, controls) for the run.
 */
export class ComputePeer {
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  private readonly listeners = new Set<(m: Exclude<EngineMessageRead, { t: 'answer' }>) => void>();
  private closed = false;

  constructor(private readonly link: FrameLink) {
    link.onFrame((frame) => this.receive(frame));
    link.onClose(() => {
      this.closed = true;
      for (const w of this.waiting.values()) w.reject(new Error('The connection to LayerLab closed.'));
      this.waiting.clear();
    });
  }

  send(message: WorkerMessage): void {
    if (!this.closed) this.link.send(encodeFrame(message));
  }

  ask(ask: Ask): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('The connection to LayerLab closed.'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ t: 'ask', id, ask });
    });
  }

  record(record: RecordCall): void {
    this.send({ t: 'record', record });
  }

  /** The engine's start and control messages. */
  onMessage(listener: (m: Exclude<EngineMessageRead, { t: 'answer' }>) => void): void {
    this.listeners.add(listener);
  }

  close(): void {
    this.link.close();
  }

  private receive(frame: Uint8Array): void {
    let message: EngineMessageRead;
    try {
      message = engineMessageSchema.parse(decodeFrame(frame, MAX_ENGINE_FRAME));
    } catch {
      // Only LayerLab's own engine process is at the other end; a frame it did not write is dropped.
      return;
    }
    if (message.t !== 'answer') {
      for (const l of this.listeners) l(message);
      return;
    }
    const w = this.waiting.get(message.id);
    if (!w) return;
    this.waiting.delete(message.id);
    if (message.ok) w.resolve(message.value);
    else w.reject(message.user ? new UserError(message.message ?? 'refused') : new Error(message.message ?? 'refused'));
  }
}

let current: ComputePeer | null = null;

/** The one run this worker serves; the engine modules that read this machine's files ask through it. */
export function useComputePeer(peer: ComputePeer): void {
  current = peer;
}

export function computePeer(): ComputePeer {
  if (!current) throw new Error('The compute worker is not connected to LayerLab.');
  return current;
}
