import { Component, type ErrorInfo, type ReactNode } from 'react';
import { clearAutosave } from '../store/autosave';

interface State {
  readonly error: Error | null;
}

/** A bug in the UI shows what happened and a way out, instead of a blank window. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('LayerLab UI error', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="flex h-screen items-center justify-center bg-slate-50 p-8">
        <div className="max-w-lg rounded-xl border border-red-200 bg-white p-6 shadow-sm">
          <h1 className="text-[16px] font-semibold text-slate-900">LayerLab hit a problem it could not recover from</h1>
          <p className="mt-2 font-mono text-[12.5px] break-words text-red-700">{error.message}</p>
          <p className="mt-3 text-[13px] leading-relaxed text-slate-600">
            Your project is kept in this browser’s storage. Reloading usually brings it back; if the same error returns, start from an empty project.
          </p>
          <div className="mt-4 flex gap-2">
            <button
              type="button"
              className="h-8 rounded-md bg-indigo-600 px-3 text-[13px] font-medium text-white hover:bg-indigo-500"
              onClick={() => location.reload()}
            >
              Reload
            </button>
            <button
              type="button"
              className="h-8 rounded-md border border-slate-300 px-3 text-[13px] font-medium text-slate-700 hover:bg-slate-50"
              onClick={() => {
                clearAutosave();
                location.reload();
              }}
            >
              Start an empty project
            </button>
          </div>
        </div>
      </div>
    );
  }
}
