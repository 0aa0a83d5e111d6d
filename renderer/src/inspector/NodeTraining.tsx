import { useEffect, useRef } from 'react';
import type { NodeDoc } from '../../../app/document/schema';
import { useProjectStore } from '../store/project';
import { selectClass } from '../ui/styles';
import { SnowflakeIcon } from '../ui/runIcons';

type Role = NodeDoc['role'];

export const ROLE_LABEL: Record<Role, string> = { model: 'Model', generator: 'Generator', discriminator: 'Discriminator' };

const ROLE_HELP: Record<Role, string> = {
  model: 'Not part of either GAN network.',
  generator: 'Turns random noise into an image; it learns to fool the discriminator.',
  discriminator: 'Tells real images from generated ones; it learns to catch the generator.',
};

/** Freeze and GAN role for one layer or several selected ones; each change is one undoable command. */
export function NodeTraining({ nodes }: { readonly nodes: readonly NodeDoc[] }) {
  const run = useProjectStore((s) => s.run);
  const gan = useProjectStore((s) => s.doc.training.mode === 'gan');
  const ids = nodes.map((n) => n.id);
  const frozen = nodes.filter((n) => !n.trainable).length;
  const mixed = frozen > 0 && frozen < nodes.length;
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = mixed;
  }, [mixed]);
  const roles = new Set(nodes.map((n) => n.role));
  const role = roles.size === 1 ? [...roles][0]! : null;
  const many = nodes.length > 1;

  return (
    <div className="space-y-3">
      <label className="flex cursor-pointer items-start gap-2.5" title="Keras's trainable flag">
        <span className="relative mt-0.5 inline-flex h-[18px] w-8 shrink-0">
          <input
            ref={box}
            type="checkbox"
            role="switch"
            data-testid="trainable-toggle"
            className="peer absolute inset-0 z-10 m-0 cursor-pointer opacity-0"
            checked={frozen === 0}
            onChange={(e) => run({ type: 'setTrainable', nodeIds: ids, trainable: e.target.checked })}
          />
          <span
            aria-hidden
            className="relative inline-flex h-full w-full items-center rounded-full bg-sky-300 transition-colors peer-checked:bg-indigo-600 peer-focus-visible:ring-2 peer-focus-visible:ring-indigo-500/40 after:absolute after:left-0.5 after:size-3.5 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-3.5"
          />
        </span>
        <span className="text-[13px] leading-tight text-slate-700">
          <span className="flex items-center gap-1.5 font-medium">
            {frozen === 0 ? 'Trainable' : mixed ? `${frozen} of ${nodes.length} frozen` : 'Frozen'}
            {frozen > 0 && <SnowflakeIcon className="size-3.5 text-sky-600" />}
          </span>
          <span className="block text-[12px] text-slate-500">
            {frozen === 0
              ? `Training updates ${many ? 'these layers’' : 'this layer’s'} weights. Turn off to freeze them, e.g. a pretrained base in transfer learning.`
              : `Frozen weights stay as they are while the rest of the network trains; they count as non-trainable.`}
          </span>
        </span>
      </label>
      {gan && (
        <div className="space-y-1">
          <label htmlFor="node-role" className="block text-[11px] font-medium tracking-wide text-slate-500 uppercase">
            GAN role
          </label>
          <select
            id="node-role"
            data-testid="role-select"
            className={selectClass}
            value={role ?? ''}
            onChange={(e) => e.target.value && run({ type: 'setRole', nodeIds: ids, role: e.target.value as Role })}
          >
            {role === null && <option value="">Mixed</option>}
            {(Object.keys(ROLE_LABEL) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
          <p className="text-[12px] leading-snug text-slate-500">
            {role ? ROLE_HELP[role] : 'The selected layers have different roles; pick one for all of them.'}
          </p>
        </div>
      )}
    </div>
  );
}
