import type { NodeDoc } from '../../../app/document/schema';
import { SnowflakeIcon } from '../ui/runIcons';

const ROLE_STYLE = {
  generator: { label: 'Generator', className: 'bg-violet-600 text-white' },
  discriminator: { label: 'Discriminator', className: 'bg-orange-500 text-white' },
} as const;

/** Tags on the card's top edge: frozen weights, and the GAN network the layer belongs to. */
export function NodeBadges({ node, gan }: { readonly node: NodeDoc; readonly gan: boolean }) {
  const role = gan && node.role !== 'model' ? ROLE_STYLE[node.role] : null;
  if (node.trainable && !role) return null;
  return (
    <div className="pointer-events-none absolute -top-2.5 right-2.5 flex gap-1">
      {!node.trainable && (
        <span
          data-testid="node-frozen"
          title="Frozen: training leaves these weights as they are"
          className="inline-flex h-[18px] items-center gap-1 rounded-full bg-sky-100 px-1.5 text-[10.5px] font-semibold text-sky-700 ring-1 ring-sky-300"
        >
          <SnowflakeIcon className="size-3" />
          Frozen
        </span>
      )}
      {role && (
        <span
          data-testid="node-role"
          data-role={node.role}
          className={`inline-flex h-[18px] items-center rounded-full px-1.5 text-[10.5px] font-semibold shadow-xs ${role.className}`}
        >
          {role.label}
        </span>
      )}
    </div>
  );
}
