import { shellEventSchema, type MenuCommand, type ShellEvent } from '../../../app/protocol/events';
import { useView } from '../store/view';
import type { LayerlabBridge } from '../transport/types';
import { newProject, openFromShell, openProject, saveProject } from './files';

/** A native menu item does what its keyboard shortcut does. */
function runCommand(command: MenuCommand): void {
  switch (command) {
    case 'project.new':
      void newProject();
      return;
    case 'project.open':
      void openProject();
      return;
    case 'project.save':
      void saveProject(false);
      return;
    case 'project.saveAs':
      void saveProject(true);
      return;
    case 'help.engines':
      useView.getState().setOverlay('engines');
      return;
  }
}

export function handleShellEvent(event: ShellEvent): void {
  switch (event.type) {
    case 'menu.command':
      runCommand(event.command);
      return;
    case 'project.opened':
      void openFromShell(event.path, event.text, event.handle);
      return;
  }
}

/** Desktop only: listens to the shell's menus and file opens; in a browser there is no shell. */
export function connectShell(): () => void {
  const bridge = (window as unknown as { layerlab?: LayerlabBridge }).layerlab;
  if (!bridge?.onShellEvent) return () => undefined;
  return bridge.onShellEvent((raw) => {
    const parsed = shellEventSchema.safeParse(raw);
    if (parsed.success) handleShellEvent(parsed.data);
    else console.warn('LayerLab: dropped an invalid shell event', raw);
  });
}
