import { fork } from 'node:child_process';
import type { EngineLauncher, EngineProcess } from './engine-process';

const TAIL = 4000;

/** Launches the engine as a Node child process (web host and CLI). */
export function forkEngine(enginePath: string): EngineLauncher {
  return (): EngineProcess => {
    const child = fork(enginePath, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'advanced' });
    // An IPC failure after spawn (a message the channel cannot carry) must end this engine, not the host.
    child.on('error', () => child.kill('SIGKILL'));
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-TAIL);
    });
    return {
      send: (m) => {
        if (child.connected) child.send(m as never);
      },
      onMessage: (l) => child.on('message', l),
      onExit: (l) => child.once('exit', (code) => l(code, stderr)),
      kill: () => child.kill('SIGKILL'),
      get pid() {
        return child.pid;
      },
    };
  };
}
