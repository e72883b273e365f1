/**
 * Draws the page's mermaid diagrams (`<pre class="mermaid"><code>SOURCE</code></pre>`, from
 * remark-mermaid). page.ts imports this module only when the page has one, so the mermaid library
 * is a chunk of its own that no other page requests.
 *
 * The drawing goes inside the `<pre>` (one `.mermaid` element per diagram, drawn or not); the
 * source stays in the page, hidden while the drawing is shown. Light and dark follow the site's
 * theme (`data-theme`, else the system) and the diagrams are drawn again when it changes. A
 * diagram that mermaid cannot draw keeps its source visible, with a warning in the console.
 */
import mermaid from 'mermaid';

interface Diagram {
  host: HTMLElement;
  source: string;
  code: HTMLElement | null;
  view: HTMLElement;
}

const root = document.documentElement;
const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
const isDark = () => (root.dataset.theme ?? (systemDark.matches ? 'dark' : 'light')) === 'dark';

/** `flowchart-v2` → "Flowchart", `sequence` → "Sequence". */
function typeName(diagramType: string): string {
  const name = diagramType.replace(/-v\d+$/, '').replace(/Diagram$/i, '').replace(/[-_]/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return name ? name[0]!.toUpperCase() + name.slice(1).toLowerCase() : 'Mermaid';
}

const diagrams: Diagram[] = [...document.querySelectorAll<HTMLElement>('pre.mermaid')].map((host) => {
  const code = host.querySelector<HTMLElement>(':scope > code');
  const view = document.createElement('span');
  view.className = 'mermaid-diagram';
  view.hidden = true;
  host.append(view);
  return { host, code, view, source: (code ?? host).textContent ?? '' };
});

let renders = 0;
/** Diagrams already reported: drawing again in the other theme does not warn twice. */
const reported = new WeakSet<Diagram>();

async function draw(diagram: Diagram, index: number): Promise<void> {
  const id = `scissors-mermaid-${++renders}`;
  try {
    const { svg, bindFunctions, diagramType } = await mermaid.render(id, diagram.source);
    diagram.view.innerHTML = svg;
    bindFunctions?.(diagram.view);
    const graphic = diagram.view.querySelector('svg');
    // mermaid names the drawing from the diagram's accTitle; without one, say what it is.
    if (graphic && !graphic.hasAttribute('aria-labelledby') && !graphic.hasAttribute('aria-label')) {
      graphic.setAttribute('aria-label', `${typeName(diagramType)} diagram`);
    }
    diagram.view.hidden = false;
    if (diagram.code) diagram.code.hidden = true;
    diagram.host.dataset.mermaidState = 'drawn';
  } catch (error) {
    // mermaid leaves its scratch element behind when a diagram fails.
    document.getElementById(`d${id}`)?.remove();
    document.getElementById(id)?.remove();
    diagram.view.hidden = true;
    diagram.view.replaceChildren();
    if (diagram.code) diagram.code.hidden = false;
    diagram.host.dataset.mermaidState = 'error';
    if (!reported.has(diagram)) console.warn(`[scissors] mermaid diagram ${index + 1} could not be drawn; its source is shown instead.`, error);
    reported.add(diagram);
  }
}

let drawnDark: boolean | undefined;
let queue: Promise<void> = Promise.resolve();

/** Draws every diagram in the current theme (one at a time: mermaid's render is not reentrant). */
function drawAll(): void {
  queue = queue.then(async () => {
    const dark = isDark();
    if (dark === drawnDark) return;
    drawnDark = dark;
    mermaid.initialize({
      startOnLoad: false,
      theme: dark ? 'dark' : 'default',
      securityLevel: 'strict',
      // Errors are ours to show (the source), not an error drawing in the page.
      suppressErrorRendering: true,
      fontFamily: getComputedStyle(document.body).fontFamily,
    });
    for (const [i, diagram] of diagrams.entries()) await draw(diagram, i);
  });
}

if (diagrams.length > 0) {
  drawAll();
  new MutationObserver(drawAll).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  systemDark.addEventListener('change', drawAll);
}
