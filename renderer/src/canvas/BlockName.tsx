import { useEffect, useState } from 'react';
import type { GroupDoc } from '../../../app/document/groups';
import { say } from '../actions/notify';
import { InlineText } from '../runs/InlineText';
import { groupNameProblem } from '../store/groupCommands';
import { useProjectStore } from '../store/project';

/** The block whose name field takes the cursor when it first appears (just grouped, so it can be named). */
let renameOnMount: string | null = null;
export const renameWhenShown = (groupId: string): void => {
  renameOnMount = groupId;
};

/** A block's name, edited in place on its card or frame; `nodrag` so a click edits instead of dragging the card. */
export function BlockName({ group, className = '' }: { readonly group: GroupDoc; readonly className?: string }) {
  // Remounting the field after a refused name puts the old name back on screen.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (renameOnMount !== group.id) return;
    // React Flow shows a new node only once it has measured it, and a hidden field cannot take focus: try for a few frames.
    let tries = 0;
    let frame = 0;
    const attemptFocus = () => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="block-name-${group.id}"]`);
      input?.focus();
      if (input && document.activeElement === input) {
        renameOnMount = null;
        input.select();
      } else if (++tries < 30) frame = requestAnimationFrame(attemptFocus);
      else renameOnMount = null;
    };
    frame = requestAnimationFrame(attemptFocus);
    return () => cancelAnimationFrame(frame);
  }, [group.id]);
  const commit = (name: string) => {
    const problem = groupNameProblem(name);
    if (problem) {
      say('warning', 'The block keeps its name', [problem]);
      setAttempt((a) => a + 1);
      return;
    }
    useProjectStore.getState().run({ type: 'renameGroup', groupId: group.id, name });
  };
  return (
    <div className="min-w-20 flex-1">
      <InlineText
        key={attempt}
        value={group.name}
        onCommit={commit}
        placeholder="Block name"
        testId={`block-name-${group.id}`}
        label="Block name"
        className={`nodrag ${className}`}
      />
    </div>
  );
}
