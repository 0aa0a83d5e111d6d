import { isUserDataset } from '../../app/data/source';
import { REQUESTS } from '../../app/protocol/requests';
import { resolveSourcePath } from '../data/resolve';
import type { FileGrants } from './file-grants';

const refusal = (path: string) =>
  `LayerLab reads data only from a file or folder you chose with Browse…, or from inside the project's folder. ` + `Choose ${path} with Browse… to use it.`;

/** The data path a request would read, absolute, or null when it reads none of the user's files. */
export function dataPathOf(kind: string, payload: unknown): string | null {
  switch (kind) {
    case 'data.inspect':
    case 'data.import': {
      const p = REQUESTS[kind].payload.safeParse(payload);
      if (!p.success || !isUserDataset(p.data.settings.dataset) || !p.data.settings.source?.path) return null;
      return resolveSourcePath(p.data.settings.source.path, p.data.baseDir);
    }
    case 'data.relocate': {
      const p = REQUESTS[kind].payload.safeParse(payload);
      return p.success ? resolveSourcePath(p.data.path, p.data.baseDir) : null;
    }
    case 'run.start': {
      const p = REQUESTS[kind].payload.safeParse(payload);
      if (!p.success) return null;
      const data = p.data.document.data;
      return isUserDataset(data.dataset) && data.source?.path ? resolveSourcePath(data.source.path) : null;
    }
    default:
      return null;
  }
}

/**
 * The desktop's read rule, checked before the service sees a request: a request that would read
 * the user's data names a path the user granted. Null when it may go on; else the message.
 * (A payload that does not parse goes on too: the service refuses it with its own message.)
 */
export function checkDataAccess(kind: string, payload: unknown, grants: FileGrants): string | null {
  const path = dataPathOf(kind, payload);
  if (path === null || grants.mayRead(path)) return null;
  return refusal(path);
}
