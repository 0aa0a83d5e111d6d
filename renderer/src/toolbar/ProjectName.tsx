import { useState } from 'react';
import { selectDirty, useProjectStore } from '../store/project';

/** The project's name, edited in place; an empty name is not committed. */
export function ProjectName() {
  const name = useProjectStore((s) => s.doc.name);
  const dirty = useProjectStore(selectDirty);
  const run = useProjectStore((s) => s.run);
  const [text, setText] = useState(name);
  // The name changed elsewhere (undo, opening a file): show it, unless the text already says it.
  // Checked while rendering against the name last seen.
  const [seenName, setSeenName] = useState(name);
  if (seenName !== name) {
    setSeenName(name);
    if (text.trim() !== name) setText(name);
  }
  const invalid = text.trim() === '';

  return (
    <div className="flex min-w-0 items-center gap-1.5">
      <input
        data-testid="project-name"
        aria-label="Project name"
        title="Project name"
        value={text}
        spellCheck={false}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim();
          if (next) run({ type: 'setProjectName', name: next });
        }}
        onBlur={() => setText(name)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === 'Escape') {
            setText(name);
            e.currentTarget.blur();
          }
        }}
        className={`h-7 max-w-80 min-w-24 truncate [field-sizing:content] rounded-md border bg-transparent px-2 text-[14px] font-semibold text-slate-800 outline-none hover:border-slate-300 focus:border-indigo-500 focus:bg-white focus:ring-2 focus:ring-indigo-500/20 ${invalid ? 'border-red-400' : 'border-transparent'}`}
      />
      <span
        className={`size-2 shrink-0 rounded-full ${dirty ? 'bg-amber-500' : 'bg-transparent'}`}
        title={dirty ? 'Unsaved changes' : 'Saved'}
        aria-label={dirty ? 'Unsaved changes' : undefined}
        data-testid="dirty-indicator"
        data-dirty={dirty}
      />
    </div>
  );
}
