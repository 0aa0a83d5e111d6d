import type { EngineCommand } from '../../app/protocol/engine';
import { MAX_COMPUTE_FRAME } from '../../app/protocol/engine';
import type { EngineProcess } from './engine-process';

/** The browser side of a run computed in a browser worker: a WebSocket (web host) or the hidden window (desktop). */
export interface ComputePeer {
  send(frame: Uint8Array): void;
  close(): void;
}

/** What the host holds once a browser has attached: frames to pass in, and the end of its connection. */
export interface ComputeAttachment {
  deliver(frame: Uint8Array): void;
  detach(): void;
}

function isComputeFrame(raw: unknown): raw is { type: 'compute'; frame: Uint8Array } {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'compute' && (raw as { frame?: unknown }).frame instanceof Uint8Array;
}

/**
 * One run's pairing of its engine process with the browser worker that computes it. The host passes
 * frames both ways unread (the engine and the worker check them); one browser may attach, once.
 */
export class ComputeSlot {
  private peer: ComputePeer | null = null;
  private taken = false;

  constructor(private readonly engine: EngineProcess) {}

  attach(peer: ComputePeer): ComputeAttachment | null {
    if (this.taken) return null;
    this.taken = true;
    this.peer = peer;
    const tell = (command: EngineCommand) => {
      try {
        this.engine.send(command);
      } catch {
        // The engine has exited; its exit ends the run and closes the peer.
      }
    };
    return {
      deliver: (frame) => {
        if (this.peer !== peer) return;
        if (frame.byteLength > MAX_COMPUTE_FRAME) {
          this.detachPeer(peer, tell);
          return;
        }
        tell({ type: 'compute', frame });
      },
      detach: () => this.detachPeer(peer, tell),
    };
  }

  /** An engine message for the worker: passed on and consumed (true), or not a compute frame (false). */
  fromEngine(raw: unknown): boolean {
    if (!isComputeFrame(raw)) return false;
    this.peer?.send(raw.frame);
    return true;
  }

  close(): void {
    const peer = this.peer;
    this.peer = null;
    peer?.close();
  }

  private detachPeer(peer: ComputePeer, tell: (c: EngineCommand) => void): void {
    if (this.peer !== peer) return;
    this.peer = null;
    peer.close();
    tell({ type: 'compute.closed' });
  }
}
