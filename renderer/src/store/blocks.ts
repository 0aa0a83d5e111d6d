import { create } from 'zustand';
import { blockFromGroup, MAX_BLOCKS, parseLibrary, serializeLibrary, type SavedBlock } from './blockLibrary';
import type { ProjectDoc } from '../../../app/document/schema';

/** Kept where the editor's other per-person preferences are (this browser's or the desktop app's storage), never in a project. */
const KEY = 'layerlab.blocks';

interface BlocksState {
  readonly blocks: readonly SavedBlock[];
  /** Why the stored library, or some of its blocks, could not be read; shown in the palette. */
  readonly problem: string | null;
  /** Saves a document's block; one with the same name is replaced. Returns what happened, in words. */
  readonly save: (doc: ProjectDoc, groupId: string) => { ok: boolean; message: string };
  readonly remove: (id: string) => void;
}

function read(): { blocks: SavedBlock[]; problem: string | null } {
  let text: string | null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return { blocks: [], problem: null };
  }
  const lib = parseLibrary(text);
  if (!lib.ok) return { blocks: [], problem: lib.error };
  return { blocks: lib.blocks, problem: lib.dropped.length ? `Some saved blocks could not be used: ${lib.dropped.join('; ')}.` : null };
}

function write(blocks: readonly SavedBlock[]): string | null {
  try {
    localStorage.setItem(KEY, serializeLibrary(blocks));
    return null;
  } catch {
    return 'This browser would not store the block library (storage full or unavailable); it lasts until the window closes.';
  }
}

let counter = 0;
const freshId = (now: number) => `b${now.toString(36)}${(counter++).toString(36)}`;

export const useBlocks = create<BlocksState>()((set, get) => ({
  ...read(),
  save(doc, groupId) {
    const now = Date.now();
    const block = blockFromGroup(doc, groupId, freshId(now), now);
    if (!block) return { ok: false, message: 'This block is empty or too large to save.' };
    const others = get().blocks.filter((b) => b.name !== block.name);
    const replaced = others.length !== get().blocks.length;
    if (!replaced && others.length >= MAX_BLOCKS) return { ok: false, message: `My blocks holds at most ${MAX_BLOCKS} blocks; delete one first.` };
    const blocks = [block, ...others];
    const problem = write(blocks);
    set({ blocks, problem });
    return { ok: true, message: `${replaced ? 'Replaced' : 'Saved'} “${block.name}” in My blocks (${block.nodes.length} layers).` };
  },
  remove(id) {
    const blocks = get().blocks.filter((b) => b.id !== id);
    set({ blocks, problem: write(blocks) });
  },
}));
