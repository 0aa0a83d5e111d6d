import { useEffect, useState } from 'react';
import type { EngineReport } from '../../../../app/protocol/engines';
import { useRun } from '../../store/run';
import { useEngine, type EngineChoice } from '../../store/engine';
import { Group } from '../../ui/Group';
import { inputClass, selectClass } from '../../ui/styles';
import { isElectron } from '../../transport';
import { browserGpuAvailable } from '../../run/computeWorker';

const CHOICES: readonly { readonly value: EngineChoice; readonly label: string; readonly help: string }[] = [
  {
    value: 'auto',
    label: 'Automatic',
    help: 'The fastest engine this machine has: TensorFlow native (GPU or CPU) where it is installed, then WebGPU on a real GPU that passes a check against the CPU, else LayerLab’s WebAssembly engine.',
  },
  {
    value: 'tensorflow',
    label: 'TensorFlow',
    help: 'libtensorflow through tfjs-node (-gpu for CUDA). Used only where installed; otherwise the run says why and falls back.',
  },
  {
    value: 'wasm',
    label: 'WebAssembly',
    help: 'LayerLab’s default CPU engine: SIMD, threads where there are cores to spare, and every layer’s training kernels.',
  },
  {
    value: 'webgpu',
    label: 'WebGPU',
    help: 'The GPU through WebGPU (Intel, AMD, Apple, NVIDIA), checked against the CPU before a run trusts it. Asked for here, a software adapter (llvmpipe, SwiftShader) is used too: correct but slower than WebAssembly.',
  },
  {
    value: 'browser',
    label: 'WebGPU (this browser)',
    help: 'This browser’s own GPU, through its WebGPU: the LayerLab server sends the data and keeps the run’s record, the training happens in this tab (keep it open). Good for a lab whose server has no GPU and whose laptops do. Checked against the CPU first; a software adapter (SwiftShader) is used too: correct but slow.',
  },
  { value: 'cpu', label: 'JavaScript', help: 'tfjs’s reference backend: slowest by far, useful to check a result against.' },
  {
    value: 'pytorch',
    label: 'PyTorch',
    help: 'The project’s exported train.py, run by the PyTorch installed on this machine (CUDA, ROCm, Apple MPS or CPU): the same live charts, pause and stop, run records and checkpoints.',
  },
];

/** In the web host, with WebGPU in this browser; on the desktop, WebGPU already computes in Chromium. */
const offersBrowserGpu = () => !isElectron() && browserGpuAvailable();

/** PyTorch as the host found it: the device, "checking", or why not. */
function pytorchLabel(report: EngineReport | null, checking: boolean): string {
  if (!report) return checking ? 'PyTorch (checking…)' : 'PyTorch';
  return report.pytorch.ok ? `PyTorch · ${report.pytorch.device}` : 'PyTorch (not found)';
}

function pytorchStatus(p: EngineReport['pytorch']): string {
  return p.ok ? `Found PyTorch ${p.version} (${p.python}) on ${p.device}.` : `PyTorch cannot be used here: ${p.why}`;
}

/** Where PyTorch runs from, shown while it is the choice: the interpreter (editable) and what the check found. */
function PytorchSettings() {
  const python = useEngine((s) => s.python);
  const report = useEngine((s) => s.report);
  const checking = useEngine((s) => s.checking);
  const [draft, setDraft] = useState(python);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft.trim() === python) return;
    setError(useEngine.getState().setPython(draft));
  };
  return (
    <div className="space-y-1" data-testid="pytorch-settings">
      <label className="block text-[12px] text-slate-600" htmlFor="python-path">
        Python interpreter
      </label>
      <input
        id="python-path"
        data-testid="python-path"
        className={inputClass(error !== null)}
        placeholder="python3 (then /usr/bin/python3)"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && <p className="text-[12px] text-red-700">{error}</p>}
      <p className="text-[12px] leading-snug text-slate-600" data-testid="pytorch-status">
        {checking ? 'Checking for PyTorch…' : report ? pytorchStatus(report.pytorch) : ''}
      </p>
    </div>
  );
}

/** The compute engine runs start on. Chosen per machine, so it is not saved in the project. */
export function EngineGroup() {
  const choice = useEngine((s) => s.choice);
  const report = useEngine((s) => s.report);
  const checking = useEngine((s) => s.checking);
  // The menu says whether PyTorch is here; the host checks once and keeps the answer.
  useEffect(() => {
    if (!useEngine.getState().report) void useEngine.getState().check();
  }, []);
  const backend = useRun((s) => s.backend);
  const current = CHOICES.find((c) => c.value === choice)!;
  const control = (
    <div className="w-36 shrink-0">
      <select
        id="engine"
        aria-label="Compute engine"
        data-testid="engine-select"
        className={selectClass}
        value={choice}
        onChange={(e) => useEngine.getState().choose(e.target.value as EngineChoice)}
      >
        {CHOICES.filter((c) => c.value !== 'browser' || offersBrowserGpu()).map((c) => (
          <option key={c.value} value={c.value}>
            {c.value === 'pytorch' ? pytorchLabel(report, checking) : c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Group title="Compute engine" control={control} summary={current.label} defaultOpen={false} testId="engine-group">
      <p className="text-[12px] leading-snug text-slate-500">{current.help}</p>
      {choice === 'pytorch' && <PytorchSettings />}
      {backend && (
        <p className="text-[12px] leading-snug text-slate-600" data-testid="engine-last">
          Last run:{' '}
          <span className="font-medium">
            {backend.name} · {backend.device}
          </span>{' '}
          ({backend.reason}).
        </p>
      )}
    </Group>
  );
}
