/** Provided by src/integration/vite-diagrams.ts. */
declare module 'virtual:scissors/diagrams' {
  /** Loads the diagram script; does nothing in a build whose pages have no diagram. */
  export const loadDiagrams: () => Promise<unknown> | undefined;
}
