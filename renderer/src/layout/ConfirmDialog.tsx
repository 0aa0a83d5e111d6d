import { useConfirm } from '../store/confirm';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';

/** The one question the app may be asking; Esc or Cancel says no. */
export function ConfirmDialog() {
  const pending = useConfirm((s) => s.pending);
  const answer = useConfirm((s) => s.answer);
  if (!pending) return null;
  return (
    <Dialog
      title={pending.title}
      testId="confirm-dialog"
      onClose={() => answer(false)}
      footer={
        <>
          <Button data-testid="confirm-cancel" onClick={() => answer(false)} title="Keep things as they are (Esc)">
            Cancel
          </Button>
          <Button data-testid="confirm-ok" data-autofocus variant={pending.danger ? 'danger' : 'primary'} onClick={() => answer(true)} title={pending.confirm}>
            {pending.confirm}
          </Button>
        </>
      }
    >
      <p className="text-[13px] leading-relaxed text-slate-700">{pending.message}</p>
    </Dialog>
  );
}
