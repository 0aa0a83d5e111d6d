import { z } from 'zod';

/** How many projects File › Open Recent lists. */
export const RECENT_LIMIT = 10;

export const recentFileSchema = z.object({ files: z.array(z.string().min(1).max(4096)).max(RECENT_LIMIT * 2) });

/**
 * The recent projects, newest first. The OS keeps its own list (app.addRecentDocument: the
 * macOS Dock and Windows jump list); this one backs the File menu everywhere, Linux included.
 */
export class RecentFiles {
  private list: string[];

  constructor(
    initial: readonly string[] = [],
    private readonly persist: (files: readonly string[]) => void = () => undefined,
  ) {
    this.list = initial.slice(0, RECENT_LIMIT);
  }

  add(path: string): void {
    this.list = [path, ...this.list.filter((p) => p !== path)].slice(0, RECENT_LIMIT);
    this.persist(this.list);
  }

  remove(path: string): void {
    this.list = this.list.filter((p) => p !== path);
    this.persist(this.list);
  }

  clear(): void {
    this.list = [];
    this.persist(this.list);
  }

  get files(): readonly string[] {
    return this.list;
  }
}
