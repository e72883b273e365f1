/**
 * Keyboard keys in MkDocs pages, as pymdownx.keys writes them: `++ctrl+alt+del++` →
 *   <span class="keys"><kbd class="key-control">Ctrl</kbd><span>+</span><kbd class="key-alt">Alt</kbd>
 *   <span>+</span><kbd class="key-delete">Del</kbd></span>
 * Names are pymdownx's (aliases too: ctrl, cmd, del, esc, pgup…); a quoted key (`++ctrl+"My Key"++`)
 * is shown as written. When a name is not a known key the text stays as written, as pymdownx
 * leaves it. Not in code.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import type { ElementContent } from 'hast';
import type { VFile } from 'vfile';
import { isMkdocsPage } from '../mkdocs/dialect.ts';
import { SKIP, walk } from './walk.ts';

const NAMED: Record<string, string> = {
  control: 'Ctrl', alt: 'Alt', 'alt-graph': 'AltGr', shift: 'Shift', command: 'Cmd', windows: 'Win', meta: 'Meta', option: 'Option', fn: 'Fn',
  super: 'Super', hyper: 'Hyper', backspace: 'Backspace', tab: 'Tab', enter: 'Enter', escape: 'Esc', space: 'Space', delete: 'Del',
  insert: 'Ins', home: 'Home', end: 'End', 'page-up': 'Page Up', 'page-down': 'Page Down', 'arrow-up': 'Up', 'arrow-down': 'Down',
  'arrow-left': 'Left', 'arrow-right': 'Right', 'caps-lock': 'Caps Lock', 'num-lock': 'Num Lock', 'scroll-lock': 'Scroll Lock',
  'print-screen': 'Print Screen', pause: 'Pause', break: 'Break', menu: 'Menu', clear: 'Clear', help: 'Help',
  'left-button': 'Left Button', 'right-button': 'Right Button', 'middle-button': 'Middle Button',
  backtick: '`', minus: '-', equal: '=', 'left-bracket': '[', 'right-bracket': ']', backslash: '\\', semicolon: ';',
  quote: "'", comma: ',', period: '.', slash: '/', plus: '+',
};
const ALIASES: Record<string, string> = {
  ctrl: 'control', cmd: 'command', win: 'windows', opt: 'option', altgr: 'alt-graph', del: 'delete', esc: 'escape', ins: 'insert',
  return: 'enter', bksp: 'backspace', pgup: 'page-up', pgdn: 'page-down', up: 'arrow-up', down: 'arrow-down', left: 'arrow-left',
  right: 'arrow-right', caps: 'caps-lock', prtsc: 'print-screen', spc: 'space',
};
for (const c of 'abcdefghijklmnopqrstuvwxyz') NAMED[c] = c.toUpperCase();
for (const d of '0123456789') NAMED[d] = d;
for (let n = 1; n <= 24; n++) NAMED[`f${n}`] = `F${n}`;

const KEY = String.raw`(?:[\w-]+|"(?:\\.|[^"])+"|'(?:\\.|[^'])+')`;
const KEYS = new RegExp(String.raw`(?<!\\)\+\+((?:${KEY}\+)*?${KEY})\+\+`, 'g');

/** One key as pymdownx.keys writes it, or undefined when its name is not known. */
function kbd(key: string): ElementContent | undefined {
  if (/^["']/.test(key)) {
    return { type: 'element', tagName: 'kbd', properties: {}, children: [{ type: 'text', value: key.slice(1, -1).replace(/\\(.)/g, '$1') }] };
  }
  const name = key.toLowerCase().replace(/_/g, '-');
  const canonical = ALIASES[name] ?? name;
  const label = NAMED[canonical];
  if (label === undefined) return undefined;
  return { type: 'element', tagName: 'kbd', properties: { className: [`key-${canonical}`] }, children: [{ type: 'text', value: label }] };
}

export function keysElement(spec: string): ElementContent[] | undefined {
  const keys = spec.match(new RegExp(KEY, 'g')) ?? [];
  const out: ElementContent[] = [];
  for (const [i, key] of keys.entries()) {
    const el = kbd(key);
    if (!el) return undefined;
    if (i > 0) out.push({ type: 'element', tagName: 'span', properties: {}, children: [{ type: 'text', value: '+' }] });
    out.push(el);
  }
  return out;
}

export default function remarkKeys() {
  return (tree: Root, file: VFile) => {
    if (!isMkdocsPage(file)) return;
    walk(tree, 'text', (node: Text, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('++')) return;
      const parts: PhrasingContent[] = [];
      let last = 0;
      for (const m of node.value.matchAll(KEYS)) {
        const children = keysElement(m[1] ?? '');
        if (!children) continue;
        const at = m.index ?? 0;
        if (at > last) parts.push({ type: 'text', value: node.value.slice(last, at) });
        parts.push({ type: 'keys', data: { hName: 'span', hProperties: { className: ['keys'] }, hChildren: children } } as unknown as PhrasingContent);
        last = at + m[0].length;
      }
      if (parts.length === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      (parent.children as PhrasingContent[]).splice(index, 1, ...parts);
      return [SKIP, index + parts.length];
    });
  };
}
