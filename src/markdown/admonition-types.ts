/** Material for MkDocs' twelve admonition types and their aliases. */
export const ADMONITION_TYPES = {
  note: ['seealso'],
  abstract: ['summary', 'tldr'],
  info: ['todo'],
  tip: ['hint', 'important'],
  success: ['check', 'done'],
  question: ['help', 'faq'],
  warning: ['caution', 'attention'],
  failure: ['fail', 'missing'],
  danger: ['error'],
  bug: [],
  example: [],
  quote: ['cite'],
} as const satisfies Record<string, readonly string[]>;

export type AdmonitionType = keyof typeof ADMONITION_TYPES;

const canonicalByName = new Map<string, AdmonitionType>();
for (const [type, aliases] of Object.entries(ADMONITION_TYPES) as Array<[AdmonitionType, readonly string[]]>) {
  canonicalByName.set(type, type);
  for (const alias of aliases) canonicalByName.set(alias, type);
}

/** The canonical type for a type or alias name, or undefined. */
export function admonitionType(name: string): AdmonitionType | undefined {
  return canonicalByName.get(name.toLowerCase());
}

/** Material's default title: the name as written, capitalised (`todo` → "Todo"). */
export function defaultAdmonitionTitle(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
}
