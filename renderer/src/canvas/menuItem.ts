/** One entry of a context menu; `keys` names the shortcut that does the same. */
export interface Item {
  readonly label: string;
  readonly keys?: string;
  readonly testId: string;
  readonly run: () => void;
  readonly disabled?: boolean;
}
