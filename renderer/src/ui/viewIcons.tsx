/** Icons for view controls (panels, layout, minimap), 16px stroke icons in the current colour. */
const svg = {
  viewBox: '0 0 16 16',
  className: 'size-4 shrink-0',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.4,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

export const LayoutIcon = ({ direction }: { readonly direction: 'TB' | 'LR' }) =>
  direction === 'TB' ? (
    <svg {...svg} aria-hidden>
      <rect x="5" y="1.5" width="6" height="3" rx="1" />
      <rect x="1.5" y="11.5" width="5.5" height="3" rx="1" />
      <rect x="9" y="11.5" width="5.5" height="3" rx="1" />
      <path d="M8 4.5v3M4.25 11.5V9.5h7.5v2M8 7.5v2" />
    </svg>
  ) : (
    <svg {...svg} aria-hidden>
      <rect x="1.5" y="6.5" width="3" height="3" rx="1" />
      <rect x="11.5" y="2" width="3" height="4" rx="1" />
      <rect x="11.5" y="10" width="3" height="4" rx="1" />
      <path d="M4.5 8h3M11.5 4H9.5v8h2M7.5 8h2" />
    </svg>
  );

export const PanelLeftIcon = () => (
  <svg {...svg} aria-hidden>
    <rect x="1.75" y="2.25" width="12.5" height="11.5" rx="1.5" />
    <path d="M6 2.25v11.5" />
  </svg>
);

export const PanelRightIcon = () => (
  <svg {...svg} aria-hidden>
    <rect x="1.75" y="2.25" width="12.5" height="11.5" rx="1.5" />
    <path d="M10 2.25v11.5" />
  </svg>
);

export const MinimapIcon = () => (
  <svg {...svg} aria-hidden>
    <rect x="1.75" y="2.25" width="12.5" height="11.5" rx="1.5" />
    <rect x="8" y="8" width="4.5" height="3.5" rx="0.5" />
  </svg>
);

export const ChevronIcon = ({ dir }: { readonly dir: 'up' | 'down' | 'left' | 'right' }) => {
  const d = { up: 'm4 10 4-4 4 4', down: 'm4 6 4 4 4-4', left: 'm10 4-4 4 4 4', right: 'm6 4 4 4-4 4' }[dir];
  return (
    <svg {...svg} aria-hidden>
      <path d={d} />
    </svg>
  );
};
