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

/** Sun for light, moon for dark, a screen for "as the system says". */
export const ThemeIcon = ({ choice }: { readonly choice: 'system' | 'light' | 'dark' }) => {
  switch (choice) {
    case 'light':
      return (
        <svg {...svg} aria-hidden>
          <circle cx="8" cy="8" r="2.8" />
          <path d="M8 1.5v1.6M8 12.9v1.6M1.5 8h1.6M12.9 8h1.6M3.4 3.4l1.1 1.1M11.5 11.5l1.1 1.1M3.4 12.6l1.1-1.1M11.5 4.5l1.1-1.1" />
        </svg>
      );
    case 'dark':
      return (
        <svg {...svg} aria-hidden>
          <path d="M13.5 9.6A5.6 5.6 0 0 1 6.4 2.5a5.6 5.6 0 1 0 7.1 7.1Z" />
        </svg>
      );
    case 'system':
      return (
        <svg {...svg} aria-hidden>
          <rect x="1.5" y="2.5" width="13" height="8.5" rx="1.2" />
          <path d="M5.5 14h5M8 11v3" />
          <path d="M8 4.5v4.5a2.25 2.25 0 0 0 0-4.5Z" fill="currentColor" />
        </svg>
      );
  }
};
