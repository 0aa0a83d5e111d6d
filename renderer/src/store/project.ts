import { create } from 'zustand';
import { emptyProject, type ProjectDoc } from '../../../app/document/schema';
import { applyCommand, commandLabel, mergeKey, type Command, type XY } from './commands';
import { emptyHistory, record, redo, undo, type History } from './history';
import { nextLayerName } from './naming';
import { withProjectId } from './projectId';

export interface Selection {
  readonly nodes: readonly string[];
  readonly edges: readonly string[];
}

export const noSelection: Selection = { nodes: [], edges: [] };

export interface ProjectState {
  readonly doc: ProjectDoc;
  readonly history: History;
  /** The document as last saved or opened; the project is dirty when `doc` is another object. */
  readonly savedDoc: ProjectDoc | null;
  /** Where a desktop save goes without asking (after the first Save or an Open). */
  readonly filePath: string | null;
  /** Selection is view state: it never enters history. */
  readonly selection: Selection;
  /** Counts whole-document loads, so the canvas knows when to fit the view. */
  readonly loadCount: number;
  readonly run: (cmd: Command) => void;
  readonly addLayer: (layerType: string, position: XY) => string;
  readonly undo: () => void;
  readonly redo: () => void;
  readonly select: (selection: Selection) => void;
  readonly deleteSelection: () => void;
  readonly loadDocument: (doc: ProjectDoc, opts: { filePath?: string | null; saved: boolean }) => void;
  readonly markSaved: (filePath?: string | null) => void;
  /** Runs a command that replaces the whole graph (restoring a run's snapshot) and fits the view to it. */
  readonly replaceGraph: (cmd: Extract<Command, { type: 'restoreSnapshot' }>) => void;
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

function pruneSelection(doc: ProjectDoc, sel: Selection): Selection {
  const nodes = sel.nodes.filter((id) => doc.graph.nodes.some((n) => n.id === id));
  const edges = sel.edges.filter((id) => doc.graph.edges.some((e) => e.id === id));
  return sameIds(nodes, sel.nodes) && sameIds(edges, sel.edges) ? sel : { nodes, edges };
}

const initialDoc = withProjectId(emptyProject());

export const useProjectStore = create<ProjectState>()((set, get) => ({
  doc: initialDoc,
  history: emptyHistory,
  savedDoc: initialDoc,
  filePath: null,
  selection: noSelection,
  loadCount: 0,

  run(cmd) {
    const { doc, history, selection } = get();
    const after = applyCommand(doc, cmd);
    if (after === doc) return;
    const entry = { label: commandLabel(cmd, doc), before: doc, after, mergeKey: mergeKey(cmd), at: Date.now() };
    set({ doc: after, history: record(history, entry), selection: pruneSelection(after, selection) });
  },

  addLayer(layerType, position) {
    const id = nextLayerName(get().doc.graph, layerType);
    get().run({ type: 'addNode', id, layerType, position });
    set({ selection: { nodes: [id], edges: [] } });
    return id;
  },

  undo() {
    const step = undo(get().history);
    if (step) set({ doc: step.doc, history: step.history, selection: pruneSelection(step.doc, get().selection) });
  },

  redo() {
    const step = redo(get().history);
    if (step) set({ doc: step.doc, history: step.history, selection: pruneSelection(step.doc, get().selection) });
  },

  select(selection) {
    const cur = get().selection;
    if (sameIds(cur.nodes, selection.nodes) && sameIds(cur.edges, selection.edges)) return;
    set({ selection });
  },

  deleteSelection() {
    const { nodes, edges } = get().selection;
    if (nodes.length === 0 && edges.length === 0) return;
    get().run({ type: 'removeElements', nodeIds: nodes, edgeIds: edges });
    set({ selection: noSelection });
  },

  loadDocument(loaded, { filePath = null, saved }) {
    // Every project gets an id the moment it is created, opened or loaded: its runs are stored under it.
    const doc = withProjectId(loaded);
    set({ doc, savedDoc: saved ? doc : null, filePath, history: emptyHistory, selection: noSelection, loadCount: get().loadCount + 1 });
  },

  replaceGraph(cmd) {
    const before = get().doc;
    get().run(cmd);
    if (get().doc !== before) set({ selection: noSelection, loadCount: get().loadCount + 1 });
  },

  markSaved(filePath) {
    set({ savedDoc: get().doc, ...(filePath !== undefined ? { filePath } : {}) });
  },
}));

export const selectDirty = (s: ProjectState) => s.doc !== s.savedDoc;
export const selectCanUndo = (s: ProjectState) => s.history.past.length > 0;
export const selectCanRedo = (s: ProjectState) => s.history.future.length > 0;
