import { EVENT_VERSION, type HostEvent } from '../../../app/protocol/events';
import { UserError } from '../context';

/**
 * The `run.failed` event for an error a run threw: a UserError's message is shown as it is (it says
 * what to fix); anything else is a fault of ours, shown with its stack for a bug report.
 */
export function failureEvent(runId: string, error: unknown): Extract<HostEvent, { type: 'run.failed' }> {
  if (error instanceof UserError)
    return { v: EVENT_VERSION, type: 'run.failed', runId, message: error.message, ...(error.detail ? { detail: error.detail } : {}) };
  const err = error instanceof Error ? error : new Error(String(error));
  return { v: EVENT_VERSION, type: 'run.failed', runId, message: `Training failed: ${err.message}`, detail: err.stack ?? String(err) };
}
