import { create } from 'zustand';

export interface ConfirmRequest {
  readonly title: string;
  readonly message: string;
  /** The button that goes ahead, e.g. "Discard changes". */
  readonly confirm: string;
  readonly danger: boolean;
}

interface ConfirmState {
  readonly pending: (ConfirmRequest & { readonly resolve: (ok: boolean) => void }) | null;
  readonly answer: (ok: boolean) => void;
}

export const useConfirm = create<ConfirmState>()((set, get) => ({
  pending: null,
  answer(ok) {
    const p = get().pending;
    set({ pending: null });
    p?.resolve(ok);
  },
}));

/** Asks in an in-app dialog (never the browser's own confirm); a second question answers the first with no. */
export function askConfirm(req: ConfirmRequest): Promise<boolean> {
  useConfirm.getState().pending?.resolve(false);
  return new Promise((resolve) => useConfirm.setState({ pending: { ...req, resolve } }));
}
