import type { ProjectDoc } from '../../../app/document/schema';

/** Matches the id schema of the document and the runs requests: it becomes a folder name. */
export const PROJECT_ID = /^[A-Za-z0-9_-]{6,64}$/;

/** A fresh project id: a UUID without dashes, or 22 url-safe random characters where randomUUID is missing. */
export function newProjectId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID().replace(/-/g, '');
  const bytes = c.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Gives a project without a (valid) id one, so its runs can be stored under it. */
export function withProjectId(doc: ProjectDoc): ProjectDoc {
  return doc.id && PROJECT_ID.test(doc.id) ? doc : { ...doc, id: newProjectId() };
}
