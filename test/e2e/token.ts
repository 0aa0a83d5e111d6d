import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** E2E_PORT lets two checkouts run their journeys side by side without sharing a server. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4599);

/**
 * The start token of the journeys' server. Not random: the config is evaluated again in each worker, and a
 * server reused from an earlier run must still match. Derived from the checkout and port, so two checkouts
 * never share one; E2E_TOKEN overrides it.
 */
export const E2E_TOKEN =
  process.env.E2E_TOKEN ??
  createHash('sha256')
    .update(`layerlab-e2e:${join(dirname(fileURLToPath(import.meta.url)), '..', '..')}:${E2E_PORT}`)
    .digest('base64url');
