import type { Author, BaseDoc, IsoInstant } from './types';

/** A collision-resistant id without Node or DOM: time-ordered prefix + random suffix. */
export function newId(prefix = ''): string {
  const time = Date.now().toString(36).padStart(9, '0');
  let rand = '';
  for (let i = 0; i < 10; i++) rand += Math.floor(Math.random() * 36).toString(36);
  return `${prefix}${time}${rand}`;
}

export function nowInstant(): IsoInstant {
  return new Date().toISOString();
}

/** Stamps the audit fields on a new document. */
export function stampNew<T extends object>(data: T, by: Author, id?: string): T & BaseDoc {
  const at = nowInstant();
  return { ...data, id: id ?? newId(), createdAt: at, updatedAt: at, updatedBy: by };
}

/** Stamps the audit fields on a change. */
export function stampChange<T extends object>(patch: T, by: Author): T & Pick<BaseDoc, 'updatedAt' | 'updatedBy'> {
  return { ...patch, updatedAt: nowInstant(), updatedBy: by };
}
