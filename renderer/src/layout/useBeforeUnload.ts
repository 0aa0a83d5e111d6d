import { useEffect } from 'react';
import { isActive, useRun } from '../store/run';
import { isElectron } from '../transport';

/**
 * In a browser tab, closing or reloading during training asks first. Electron asks in its
 * own window-close handler (and stops the engine cleanly); a beforeunload veto there would
 * silently keep the window open, so it is not installed.
 */
export function useBeforeUnload(): void {
  useEffect(() => {
    if (isElectron()) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!isActive(useRun.getState().status)) return;
      e.preventDefault();
      // Older browsers (Chromium before 119, older Safari) ignore preventDefault here and show
      // the prompt only when returnValue is set; the deprecated field is kept for them.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);
}
