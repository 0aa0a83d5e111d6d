import { parentPort } from 'node:worker_threads';
import { toWire } from './job-errors';
import { runDataJob } from './jobs';
import type { JobAnswer, JobRequest } from './worker-protocol';

/*
 * The data worker thread (bundled as dist/main/data-worker.mjs): scans, parses, decodes and
 * hashes the user's files so that a host's event loop never does. Jobs run concurrently; each
 * answer carries its request's id.
 */
const port = parentPort;
if (!port) throw new Error('data-worker.mjs runs as a worker thread, started by the LayerLab host.');

port.on('message', (request: JobRequest) => {
  runDataJob(request.kind, request.payload).then(
    (reply) => port.postMessage({ id: request.id, ok: true, reply } satisfies JobAnswer),
    (e: unknown) => port.postMessage({ id: request.id, ok: false, error: toWire(e) } satisfies JobAnswer),
  );
});
