import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunSummary } from '../../app/protocol/runs';
import { RUN_FILES } from '../record/layout';
import type { RunStore } from './run-store';

/** Folders read at most: a data folder is the user's, but a listing must stay a quick answer. */
export const MAX_PROJECTS = 200;
const ID = /^[A-Za-z0-9_-]{6,64}$/;

export interface ProjectRuns {
  readonly projectId: string;
  /** The project's name as its newest run recorded it. */
  readonly name: string;
  readonly runs: RunSummary[];
}

async function nameOf(store: RunStore, projectId: string, runs: readonly RunSummary[]): Promise<string> {
  for (const run of runs) {
    try {
      const doc = JSON.parse(await readFile(join(store.runDir(projectId, run.id), RUN_FILES.snapshot), 'utf8')) as { name?: unknown };
      if (typeof doc.name === 'string' && doc.name.trim()) return doc.name.slice(0, 200);
    } catch {
      // an unreadable snapshot: try the next run
    }
  }
  return `Project ${projectId.slice(0, 8)}`;
}

/** Every project in the data folder that has runs, newest activity first: for comparing runs across projects. */
export async function listAllRuns(store: RunStore): Promise<ProjectRuns[]> {
  let names: string[];
  try {
    names = await readdir(join(store.dataDir, 'projects'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const projects = await Promise.all(
    names
      .filter((n) => ID.test(n))
      .slice(0, MAX_PROJECTS)
      .map(async (projectId) => {
        const runs = await store.list(projectId).catch(() => []);
        return runs.length > 0 ? { projectId, name: await nameOf(store, projectId, runs), runs } : null;
      }),
  );
  return projects.filter((p): p is ProjectRuns => p !== null).sort((a, b) => b.runs[0]!.startedAt.localeCompare(a.runs[0]!.startedAt));
}
