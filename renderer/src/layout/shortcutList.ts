import { MOD } from '../ui/platform';

export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: string;
}

/** Every keyboard action, grouped as the sheet (`?`) shows them. Keep in step with useShortcuts and the README. */
export const SHORTCUTS: readonly { readonly group: string; readonly items: readonly Shortcut[] }[] = [
  {
    group: 'Editing',
    items: [
      { keys: ['/', `${MOD}+K`], action: 'Add a layer by name (after the selected one, wired in)' },
      { keys: [`${MOD}+A`], action: 'Select every layer' },
      { keys: ['Shift+click', `${MOD}+click`], action: 'Add a layer to the selection' },
      { keys: ['Shift+drag'], action: 'Select with a box' },
      { keys: [`${MOD}+C`, `${MOD}+X`, `${MOD}+V`], action: 'Copy, cut, paste layers (also between windows)' },
      { keys: [`${MOD}+D`], action: 'Duplicate the selection' },
      { keys: [`${MOD}+G`], action: 'Group the selected layers into a named block' },
      { keys: [`${MOD}+Shift+G`], action: 'Ungroup the selected block' },
      { keys: ['Delete', 'Backspace'], action: 'Delete the selection' },
      { keys: [`${MOD}+Z`], action: 'Undo' },
      { keys: [`${MOD}+Shift+Z`, `${MOD}+Y`], action: 'Redo' },
      { keys: ['Esc'], action: 'Clear the selection, close a box' },
    ],
  },
  {
    group: 'View',
    items: [
      { keys: ['L'], action: 'Lay out the graph (or the selected layers)' },
      { keys: ['Shift+L'], action: 'Switch layout direction: top to bottom / left to right' },
      { keys: ['['], action: 'Show or hide the layer palette' },
      { keys: [']'], action: 'Show or hide the properties panel' },
      { keys: ['M'], action: 'Show or hide the minimap' },
      { keys: ['?'], action: 'This list' },
    ],
  },
  {
    group: 'Files',
    items: [
      { keys: [`${MOD}+S`], action: 'Save' },
      { keys: [`${MOD}+Shift+S`], action: 'Save as (desktop)' },
      { keys: [`${MOD}+O`], action: 'Open a project' },
    ],
  },
  {
    group: 'Training',
    items: [
      { keys: [`${MOD}+Enter`], action: 'Train' },
      { keys: [`${MOD}+Shift+Enter`], action: 'Train one step' },
      { keys: ['Space'], action: 'Pause or resume' },
      { keys: ['S'], action: 'One batch, while paused' },
      { keys: [`${MOD}+.`, 'Esc'], action: 'Stop' },
    ],
  },
];
