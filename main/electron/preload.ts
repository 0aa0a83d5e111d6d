import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isRequestKind } from '../../app/protocol/kinds';

/**
 * The page sees the contract's methods and nothing else of Electron or Node: requests, run
 * events, and the shell's menu commands and opened files. (Channel names are repeated from
 * ipc.ts: a sandboxed preload should stay a small, self-contained bundle.)
 */
contextBridge.exposeInMainWorld('layerlab', {
  request(kind: string, payload: unknown): Promise<unknown> {
    if (!isRequestKind(kind)) return Promise.reject(new Error(`Unknown request "${kind}".`));
    return ipcRenderer.invoke('layerlab:request', kind, payload);
  },
  onEvent(listener: (event: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('layerlab:event', handler);
    return () => ipcRenderer.removeListener('layerlab:event', handler);
  },
  onShellEvent(listener: (event: unknown) => void): () => void {
    const handler = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on('layerlab:shell', handler);
    return () => ipcRenderer.removeListener('layerlab:shell', handler);
  },
});
