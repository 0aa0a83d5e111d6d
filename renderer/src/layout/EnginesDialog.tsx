import { useEffect, useState } from 'react';
import type { DoctorRow } from '../../../app/protocol/engines';
import { browserAdapterRow } from '../run/browserAdapter';
import { useEngine } from '../store/engine';
import { isElectron } from '../transport';
import { useView } from '../store/view';
import { Button } from '../ui/Button';
import { Dialog } from '../ui/Dialog';

const MARK: Record<DoctorRow['status'], { text: string; tone: string }> = {
  ok: { text: 'yes', tone: 'text-emerald-700' },
  missing: { text: 'no', tone: 'text-slate-500' },
  failed: { text: 'FAILED', tone: 'font-semibold text-red-700' },
};

/**
 * Help → Compute engines: the table `npx layerlab doctor` prints, from the host — every engine, whether it loads and
 * why not, WebGPU adapters and their parity check, wasm threads and SIMD, PyTorch's version and devices. In a browser
 * against the web host, one more row says what this tab's own WebGPU has, which the host cannot see.
 */
export function EnginesDialog() {
  const open = useView((s) => s.overlay === 'engines');
  const report = useEngine((s) => s.report);
  const checking = useEngine((s) => s.checking);
  const error = useEngine((s) => s.reportError);
  const [browserRow, setBrowserRow] = useState<DoctorRow | null>(null);
  useEffect(() => {
    if (open && !useEngine.getState().report) void useEngine.getState().check();
  }, [open]);
  useEffect(() => {
    if (!open || isElectron()) return;
    let live = true;
    void browserAdapterRow().then((row) => live && setBrowserRow(row));
    return () => {
      live = false;
    };
  }, [open, report]);
  if (!open) return null;
  return (
    <Dialog
      title="Compute engines"
      testId="engines-dialog"
      onClose={() => useView.getState().setOverlay(null)}
      wide
      footer={
        <>
          <span className="mr-auto text-[12px] text-slate-500">
            {report ? `Checked ${new Date(report.checkedAt).toLocaleTimeString()} · the same as npx layerlab doctor` : ''}
          </span>
          <Button data-testid="engines-refresh" disabled={checking} onClick={() => void useEngine.getState().check(true)} title="Run every check again">
            {checking ? 'Checking…' : 'Check again'}
          </Button>
          <Button data-autofocus variant="primary" onClick={() => useView.getState().setOverlay(null)} title="Close (Esc)">
            Close
          </Button>
        </>
      }
    >
      {error && <p className="mb-2 text-[13px] text-red-700">{error}</p>}
      {!report && checking && <p className="text-[13px] text-slate-600">Checking every engine (TensorFlow, WebGPU adapters, WebAssembly, PyTorch)…</p>}
      {report && (
        <table className="w-full border-collapse text-left text-[12.5px]" data-testid="engines-table">
          <thead>
            <tr className="border-b border-slate-200 text-[11px] tracking-wide text-slate-400 uppercase">
              <th className="py-1 pr-3 font-semibold">Engine</th>
              <th className="py-1 pr-3 font-semibold">Item</th>
              <th className="py-1 pr-3 font-semibold">Works</th>
              <th className="py-1 font-semibold">Details</th>
            </tr>
          </thead>
          <tbody>
            {[...report.rows, ...(browserRow ? [browserRow] : [])].map((r, i) => (
              <tr key={i} className="border-b border-slate-100 align-top" data-testid={r === browserRow ? 'engine-row-browser' : `engine-row-${r.engine}`}>
                <td className="py-1 pr-3 font-medium text-slate-700">{r.engine}</td>
                <td className="py-1 pr-3 break-all text-slate-700">{r.item}</td>
                <td className={`py-1 pr-3 ${MARK[r.status].tone}`}>{MARK[r.status].text}</td>
                <td className="py-1 break-words text-slate-600">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}
