/**
 * Whether any page of this build has a diagram: set by the diagram plugin when it writes one,
 * read when the client bundle is made (src/integration/vite-diagrams.ts). Process-wide because
 * pages compiled as modules run the plugin in Vite's runner, away from the integration.
 */
const RENDERED = Symbol.for('scissors.diagramRendered');

export function noteDiagramRendered(): void {
  (globalThis as Record<symbol, unknown>)[RENDERED] = true;
}

export function diagramRendered(): boolean {
  return (globalThis as Record<symbol, unknown>)[RENDERED] === true;
}
