/** A deep copy of plain data (what mdast-util-from-markdown builds: objects, arrays, primitives). */
export function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyPlain) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = copyPlain((value as Record<string, unknown>)[key]);
  return copy as T;
}
