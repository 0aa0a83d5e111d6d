import type { DragEvent, KeyboardEvent } from 'react';
import { BLOCK_MIME } from '../canvas/flow';
import { useBlocks } from '../store/blocks';
import type { SavedBlock } from '../store/blockLibrary';
import { askConfirm } from '../store/confirm';

const layerTypes = (b: SavedBlock) => [...new Set(b.nodes.map((n) => n.type))].join(', ');

function BlockItem({ block, onAdd }: { readonly block: SavedBlock; readonly onAdd: () => void }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(BLOCK_MIME, block.id);
    e.dataTransfer.setData('text/plain', block.name);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onAdd();
    }
  };
  const remove = async () => {
    const ok = await askConfirm({
      title: `Delete “${block.name}” from My blocks?`,
      message: 'Projects that use it keep their copy; only the saved block goes.',
      confirm: 'Delete block',
      danger: true,
    });
    if (ok) useBlocks.getState().remove(block.id);
  };
  return (
    <li
      role="button"
      tabIndex={0}
      draggable
      data-testid={`palette-block-${block.name}`}
      title={`${block.name}: ${block.nodes.length} layers (${layerTypes(block)})\nDrag onto the canvas, or double-click / press Enter to add.`}
      aria-label={`Add block ${block.name}`}
      className="group flex cursor-grab items-start gap-2 rounded-md border border-transparent px-2 py-1 outline-none select-none hover:border-slate-200 hover:bg-white hover:shadow-xs focus-visible:border-indigo-400 focus-visible:bg-white focus-visible:ring-2 focus-visible:ring-indigo-500/20 active:cursor-grabbing"
      onDragStart={onDragStart}
      onDoubleClick={onAdd}
      onKeyDown={onKeyDown}
    >
      <span className="mt-[4px] size-2.5 shrink-0 rounded-sm bg-indigo-500 ring-2 ring-indigo-200" aria-hidden />
      <span className="min-w-0 flex-1">
        <span className="block truncate text-[13px] font-medium text-slate-800">{block.name}</span>
        <span className="block truncate text-[11.5px] leading-snug text-slate-500">
          {block.nodes.length} layers · {layerTypes(block)}
        </span>
      </span>
      <button
        type="button"
        data-testid={`palette-block-delete-${block.name}`}
        title={`Delete “${block.name}” from My blocks`}
        aria-label={`Delete block ${block.name}`}
        className="shrink-0 rounded px-1 text-[15px] leading-none text-slate-400 opacity-0 group-hover:opacity-100 hover:bg-red-50 hover:text-red-600 focus-visible:opacity-100"
        onClick={(e) => {
          e.stopPropagation();
          void remove();
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        ×
      </button>
    </li>
  );
}

/** The person's own saved blocks, above the catalog: drag one in like a layer. */
export function MyBlocks({ query, onAdd }: { readonly query: string; readonly onAdd: (blockId: string) => void }) {
  const blocks = useBlocks((s) => s.blocks);
  const problem = useBlocks((s) => s.problem);
  const q = query.trim().toLowerCase();
  const shown = q ? blocks.filter((b) => `${b.name} ${layerTypes(b)}`.toLowerCase().includes(q)) : blocks;
  if (q && shown.length === 0) return null;
  return (
    <div data-testid="my-blocks">
      <div className="px-1.5 py-0.5 text-[11px] font-medium tracking-wide text-slate-400 uppercase">
        My blocks <span className="float-right font-normal tracking-normal normal-case">{blocks.length}</span>
      </div>
      {problem && <p className="mx-1.5 my-1 rounded bg-amber-50 px-2 py-1 text-[11.5px] text-amber-900">{problem}</p>}
      {shown.length === 0 ? (
        <p className="px-2 py-1 text-[11.5px] leading-snug text-slate-500">
          Right-click a block on the canvas and choose “Save to My blocks” to reuse it here.
        </p>
      ) : (
        <ul className="mt-0.5 space-y-px">
          {shown.map((b) => (
            <BlockItem key={b.id} block={b} onAdd={() => onAdd(b.id)} />
          ))}
        </ul>
      )}
    </div>
  );
}
