/**
 * Whether any page of this build has a diagram: set by the diagram plugin when it writes one,
 * read when the client bundle is made (src/integration/vite-diagrams.ts). Process-wide because
 * pages compiled as modules run the plugin in Vite's runner, away from the integration.
 */
const RENDERED = Symbol.for('scissors.diagramRendered');

export function noteDiagramRendered(): void {
  (globalThis as Record<symbol, unknown>)[RENDERED] = true;
}

/**
 * The key a page with a diagram gets in its plugin front matter: the render cache keeps it with
 * the page, so a page reused from the cache raises the flag as a rendered one does.
 */
export const DIAGRAM_PAGE_KEY = 'scissorsDiagrams';

export function diagramRendered(): boolean {
  return (globalThis as Record<symbol, unknown>)[RENDERED] === true;
}
