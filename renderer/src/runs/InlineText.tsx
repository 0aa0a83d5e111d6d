import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

export interface InlineTextProps {
  readonly value: string;
  readonly onCommit: (value: string) => void;
  readonly placeholder: string;
  readonly testId: string;
  readonly label: string;
  readonly multiline?: boolean;
  readonly className?: string;
}

const IDLE_MS = 600;

/**
 * Text that reads as plain text until hovered or focused, then edits in place. It commits a
 * moment after typing stops, on Enter (Ctrl+Enter in notes) and on blur; Escape puts the old text back.
 */
export function InlineText({ value, onCommit, placeholder, testId, label, multiline = false, className = '' }: InlineTextProps) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const focused = useRef(false);
  const cancelled = useRef(false);
  const latest = useRef({ value, onCommit });
  useLayoutEffect(() => {
    latest.current = { value, onCommit };
  });

  useEffect(() => {
    if (!focused.current) setText(value);
  }, [value]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next !== latest.current.value) latest.current.onCommit(next);
  };
  const change = (next: string) => {
    setText(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(next), IDLE_MS);
  };
  const common = {
    'data-testid': testId,
    'aria-label': label,
    value: text,
    placeholder,
    spellCheck: multiline,
    onFocus: () => (focused.current = true),
    onBlur: () => {
      focused.current = false;
      if (cancelled.current) cancelled.current = false;
      else commit(text);
    },
    className: `w-full min-w-0 rounded border border-transparent bg-transparent px-1 outline-none placeholder:text-slate-400 hover:border-slate-200 focus:border-indigo-400 focus:bg-white focus:ring-2 focus:ring-indigo-500/15 ${className}`,
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      clearTimeout(timer.current);
      cancelled.current = true;
      setText(value);
      e.currentTarget.blur();
      e.stopPropagation();
    } else if (e.key === 'Enter' && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      commit(text);
      e.currentTarget.blur();
    }
  };
  return multiline ? (
    <textarea
      {...common}
      rows={Math.min(4, Math.max(1, text.split('\n').length))}
      onChange={(e) => change(e.target.value)}
      onKeyDown={onKeyDown}
      style={{ resize: 'none' }}
    />
  ) : (
    <input {...common} type="text" autoComplete="off" onChange={(e) => change(e.target.value)} onKeyDown={onKeyDown} />
  );
}
