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

/** Inline CSS setting the header's colours for light and dark schemes (empty when the site sets none). */
export function paletteCss(palette: Array<{ scheme: 'light' | 'dark'; primary?: string }>): string {
  const light = primaryColour(palette.find((p) => p.scheme === 'light')?.primary);
  const dark = primaryColour(palette.find((p) => p.scheme === 'dark')?.primary) ?? light;
  if (!light && !dark) return '';
  const l = light ?? dark;
  const d = dark ?? light;
  if (!l || !d) return '';
  return `:root{--header-bg:light-dark(${l.bg},${d.bg});--header-fg:light-dark(${l.fg},${d.fg})}`;
}
