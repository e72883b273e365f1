/**
 * Emoji shortcodes as Material's index knows them. Material uses pymdownx's twemoji index,
 * whose names come from EmojiOne's database (now JoyPixels: `:white_check_mark:`,
 * `:thumbsup:`, `:flag_us:`, skin tones as `_tone1`…`_tone5`), plus gemoji-style aliases.
 * emojibase-data's `joypixels` preset is that list; its `github` preset adds the aliases the
 * JoyPixels one lacks. The artwork is @twemoji/svg, named by code points in lower-case hex
 * without leading zeros, and without U+FE0F unless the sequence has a zero-width joiner
 * (Twemoji's own file naming).
 *
 * Loaded on first use (two shortcode files, ~270 kB, a few ms once per process); the labels
 * (for screen readers) only when an emoji is actually rendered.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { twemojiSvg, type LoadedSvg } from './icon-sets.ts';

const require = createRequire(import.meta.url);

type ShortcodeFile = Record<string, string | string[]>;

let byName: Map<string, string> | undefined;
let labels: Map<string, string> | undefined;

function readJson<T>(specifier: string): T | undefined {
  try {
    return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function index(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  // JoyPixels first: where both name an emoji, its name wins (pymdownx's primary names).
  for (const preset of ['joypixels', 'github']) {
    const file = readJson<ShortcodeFile>(`emojibase-data/en/shortcodes/${preset}.json`) ?? {};
    for (const [hexcode, names] of Object.entries(file)) {
      for (const name of Array.isArray(names) ? names : [names]) if (!byName.has(name)) byName.set(name, hexcode);
    }
  }
  return byName;
}

interface CompactEmoji {
  hexcode: string;
  label: string;
  skins?: CompactEmoji[];
}

function labelOf(hexcode: string): string | undefined {
  if (!labels) {
    labels = new Map();
    for (const emoji of readJson<CompactEmoji[]>('emojibase-data/en/compact.json') ?? []) {
      labels.set(emoji.hexcode, emoji.label);
      for (const skin of emoji.skins ?? []) labels.set(skin.hexcode, skin.label);
    }
  }
  return labels.get(hexcode) ?? labels.get(hexcode.replace(/-FE0F/g, ''));
}

export interface Emoji {
  /** Code points as emojibase writes them (`1F680`). */
  hexcode: string;
  /** The emoji's name in words (`rocket`, `red heart`): what a screen reader says. */
  label: string;
  svg: LoadedSvg;
}

const resolved = new Map<string, Emoji | null>();

/** Twemoji's file name for an emojibase hexcode. */
function twemojiNames(hexcode: string): string[] {
  const points = hexcode.split('-').map((h) => parseInt(h, 16).toString(16));
  const full = points.join('-');
  const withoutVs = points.filter((p) => p !== 'fe0f').join('-');
  return points.includes('200d') ? [full, withoutVs] : [withoutVs, full];
}

/** `rocket` (without colons) → the emoji, or undefined when the index or Twemoji lacks it. */
export function emojiByShortcode(name: string): Emoji | undefined {
  const cached = resolved.get(name);
  if (cached !== undefined) return cached ?? undefined;
  let result: Emoji | null = null;
  const hexcode = index().get(name);
  if (hexcode !== undefined) {
    for (const file of twemojiNames(hexcode)) {
      const svg = twemojiSvg(file);
      if (svg) {
        result = { hexcode, label: labelOf(hexcode) ?? name.replaceAll('_', ' '), svg };
        break;
      }
    }
  }
  resolved.set(name, result);
  return result ?? undefined;
}
