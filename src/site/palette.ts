/**
 * MkDocs Material's named primary colours (its palette stylesheet), for the header bar. Light
 * colours carry dark text, as in Material, so the header stays readable (WCAG AA).
 */
const PRIMARY: Record<string, { bg: string; fg: string }> = {
  red: { bg: '#ef5552', fg: '#fff' },
  pink: { bg: '#e92063', fg: '#fff' },
  purple: { bg: '#ab47bd', fg: '#fff' },
  'deep purple': { bg: '#7e56c2', fg: '#fff' },
  indigo: { bg: '#4051b5', fg: '#fff' },
  blue: { bg: '#2094f3', fg: '#000' },
  'light blue': { bg: '#02a6f2', fg: '#000' },
  cyan: { bg: '#00bdd6', fg: '#000' },
  teal: { bg: '#009485', fg: '#fff' },
  green: { bg: '#4cae4f', fg: '#000' },
  'light green': { bg: '#8bc34b', fg: '#000' },
  lime: { bg: '#cbdc38', fg: '#000' },
  yellow: { bg: '#ffec3d', fg: '#000' },
  amber: { bg: '#ffc105', fg: '#000' },
  orange: { bg: '#ffa724', fg: '#000' },
  'deep orange': { bg: '#ff6e42', fg: '#000' },
  brown: { bg: '#795649', fg: '#fff' },
  grey: { bg: '#757575', fg: '#fff' },
  'blue grey': { bg: '#546d78', fg: '#fff' },
  black: { bg: '#000000', fg: '#fff' },
  white: { bg: '#ffffff', fg: '#000' },
};

export function primaryColour(name: string | undefined): { bg: string; fg: string } | undefined {
  if (!name) return undefined;
  return PRIMARY[name.toLowerCase().replace(/[-_]/g, ' ').trim()];
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

const mix = (hex: string, toward: string, amount: number) =>
  `#${[1, 3, 5]
    .map((i) => Math.round(Number.parseInt(hex.slice(i, i + 2), 16) * (1 - amount) + Number.parseInt(toward.slice(i, i + 2), 16) * amount))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;

/**
 * The header colour, shaded just enough that its text — also on the header's translucent
 * buttons (white at 12 %) — meets WCAG AA (4.5:1). Material uses its palette colours as they
 * are, which leaves white text on several of them below AA.
 */
export function readableHeader(colour: { bg: string; fg: string }): { bg: string; fg: string } {
  const fg = colour.fg === '#fff' ? '#ffffff' : '#000000';
  const toward = fg === '#ffffff' ? '#000000' : '#ffffff';
  let bg = colour.bg;
  for (let step = 0; step < 20 && contrast(fg, mix(bg, '#ffffff', 0.12)) < 4.6; step++) bg = mix(bg, toward, 0.05);
  return { bg, fg };
}

/** Inline CSS setting the header's colours for light and dark schemes (empty when the site sets none). */
export function paletteCss(palette: Array<{ scheme: 'light' | 'dark'; primary?: string }>): string {
  const shade = (c: { bg: string; fg: string } | undefined) => (c ? readableHeader(c) : undefined);
  const light = shade(primaryColour(palette.find((p) => p.scheme === 'light')?.primary));
  const dark = shade(primaryColour(palette.find((p) => p.scheme === 'dark')?.primary)) ?? light;
  if (!light && !dark) return '';
  const l = light ?? dark;
  const d = dark ?? light;
  if (!l || !d) return '';
  return `:root{--header-bg:light-dark(${l.bg},${d.bg});--header-fg:light-dark(${l.fg},${d.fg})}`;
}
