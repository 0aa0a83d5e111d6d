/** A model file LayerLab cannot import, with the reason in words a user can act on. Nothing was changed. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
