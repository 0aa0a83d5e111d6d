import { useRun } from '../../store/run';
import { useEngine, type EngineChoice } from '../../store/engine';
import { Group } from '../../ui/Group';
import { selectClass } from '../../ui/styles';

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
  { value: 'cpu', label: 'JavaScript', help: 'tfjs’s reference backend: slowest by far, useful to check a result against.' },
];

/** The compute engine runs start on. Chosen per machine, so it is not saved in the project. */
export function EngineGroup() {
  const choice = useEngine((s) => s.choice);
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
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <Group title="Compute engine" control={control} summary={current.label} defaultOpen={false} testId="engine-group">
      <p className="text-[12px] leading-snug text-slate-500">{current.help}</p>
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
