// Small enhancements, each optional: the page works without them.
/// <reference types="vite/client" />
import '../styles/mermaid.css';
import '../styles/annotations.css';
import { loadDiagrams } from 'virtual:scissors/diagrams';

// Copy buttons: copy exactly the code (no line numbers, no prompts) and say so, visibly and to screen readers.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const frame = button.closest('.code-frame');
    const code = frame?.querySelector('pre code');
    const status = frame?.querySelector('.copy-status');
    if (!code) return;
    const clone = code.cloneNode(true) as HTMLElement;
    // Code annotation markers are not code either; the space before a removed one goes too.
    for (const marker of clone.querySelectorAll('.annotation-marker')) {
      marker.closest('.line')?.setAttribute('data-trim', '');
      marker.remove();
    }
    for (const skip of clone.querySelectorAll('.prompt')) skip.remove();
    const text = [...clone.querySelectorAll<HTMLElement>('.line')]
      .map((line) => (line.hasAttribute('data-trim') ? (line.textContent ?? '').trimEnd() : line.textContent ?? ''))
      .join('\n');
    try {
      await navigator.clipboard.writeText(text);
      button.textContent = 'Copied';
      if (status) status.textContent = 'Code copied to clipboard';
    } catch {
      button.textContent = 'Copy failed';
      if (status) status.textContent = 'Could not copy the code';
    }
    setTimeout(() => {
      button.textContent = 'Copy';
      if (status) status.textContent = '';
    }, 2000);
  });
}

// Theme toggle: follows the system until the reader chooses; the choice is remembered.
const toggle = document.querySelector<HTMLButtonElement>('[data-theme-toggle]');
if (toggle) {
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');
  const current = () => root.dataset.theme ?? (systemDark.matches ? 'dark' : 'light');
  const render = () => {
    const dark = current() === 'dark';
    toggle.setAttribute('aria-pressed', String(dark));
    toggle.setAttribute('aria-label', dark ? 'Dark theme on; switch to light' : 'Dark theme off; switch to dark');
  };
  toggle.hidden = false;
  render();
  toggle.addEventListener('click', () => {
    const next = current() === 'dark' ? 'light' : 'dark';
    root.dataset.theme = next;
    try {
      localStorage.setItem('scissors-theme', next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    render();
  });
  systemDark.addEventListener('change', render);
}

// Table of contents: highlight the section being read.
const tocLinks = [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a[href^="#"]')];
const headings = tocLinks
  .map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))))
  .filter((h): h is HTMLElement => h !== null);
if (headings.length > 0) {
  const mark = () => {
    // The current section is the last heading above the top third of the viewport.
    const line = window.innerHeight / 3;
    let active = headings[0];
    for (const h of headings) if (h.getBoundingClientRect().top <= line) active = h;
    for (const link of tocLinks) {
      const on = active !== undefined && link.hash === `#${active.id}`;
      if (on) link.setAttribute('aria-current', 'true');
      else link.removeAttribute('aria-current');
    }
  };
  let queued = false;
  window.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      mark();
    });
  }, { passive: true });
  mark();
}

// Search: Pagefind's UI is loaded only when the reader asks for it.
const search = document.querySelector<HTMLElement>('[data-search]');
if (search) {
  search.hidden = false;
  const open = search.querySelector<HTMLButtonElement>('button');
  const dialog = search.querySelector<HTMLDialogElement>('dialog');
  let loaded = false;
  open?.addEventListener('click', async () => {
    dialog?.showModal();
    if (loaded) return;
    loaded = true;
    const target = dialog?.querySelector<HTMLElement>('.search-ui');
    try {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = '/pagefind/pagefind-ui.css';
      document.head.append(css);
      await new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = '/pagefind/pagefind-ui.js';
        script.onload = () => resolve();
        script.onerror = () => reject(new Error('no index'));
        document.head.append(script);
      });
      const ui = (window as unknown as { PagefindUI: new (o: object) => unknown }).PagefindUI;
      new ui({ element: target, showSubResults: true, autofocus: true });
    } catch {
      if (target) target.textContent = 'Search needs the built site (npm run build).';
    }
  });
}

// Diagrams and code annotations: their scripts (mermaid is a large library) load only on pages that have them.
if (document.querySelector('pre.mermaid')) void loadDiagrams();
// Annotations are native popovers; the script only places them where CSS anchor positioning is missing.
if (!CSS.supports('position-area', 'bottom') && document.querySelector('.annotation-list > li[popover]')) void import('./annotations.ts');
