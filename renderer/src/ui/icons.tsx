import type { ReactNode } from 'react';

/** Small stroke icons, 16px, drawn in the current text colour. */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      className="size-4 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden
    >
      {children}
    </svg>
  );
}

export const NewIcon = () => (
  <Icon>
    <path d="M9 1.75H4.25a1 1 0 0 0-1 1v10.5a1 1 0 0 0 1 1h7.5a1 1 0 0 0 1-1V5.5L9 1.75Z" />
    <path d="M9 1.75V5.5h3.75M8 8v4M6 10h4" />
  </Icon>
);

export const TemplateIcon = () => (
  <Icon>
    <rect x="2" y="2" width="12" height="12" rx="1.5" />
    <path d="M2 6h12M6 6v8" />
  </Icon>
);

export const OpenIcon = () => (
  <Icon>
    <path d="M1.75 4.25a1 1 0 0 1 1-1h3.5l1.5 1.5h5.5a1 1 0 0 1 1 1v6.5a1 1 0 0 1-1 1H2.75a1 1 0 0 1-1-1v-8Z" />
  </Icon>
);

export const SaveIcon = () => (
  <Icon>
    <path d="M2.25 3.25a1 1 0 0 1 1-1h8l2.5 2.5v8a1 1 0 0 1-1 1h-9.5a1 1 0 0 1-1-1v-9.5Z" />
    <path d="M5 2.25v3h5v-3M4.75 13.75v-4h6.5v4" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M5.5 3.5 2.5 6.5l3 3" />
    <path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m10.5 3.5 3 3-3 3" />
    <path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" />
  </Icon>
);

export const ChevronDown = () => (
  <svg viewBox="0 0 12 12" className="size-3 shrink-0 opacity-60" aria-hidden>
    <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

export const Logo = () => (
  <svg viewBox="0 0 24 24" className="size-6" aria-hidden>
    <rect width="24" height="24" rx="6" fill="#4f46e5" />
    <circle cx="6.5" cy="8" r="2" fill="#fff" />
    <circle cx="6.5" cy="16" r="2" fill="#fff" />
    <circle cx="12" cy="12" r="2" fill="#c7d2fe" />
    <circle cx="17.5" cy="12" r="2" fill="#fff" />
    <path d="M8.3 8.8 10.2 11M8.3 15.2 10.2 13M14 12h1.5" stroke="#c7d2fe" strokeWidth="1.3" />
  </svg>
);
