/**
 * Code annotations (src/markdown/code-annotations.ts) are native popovers opened by their
 * markers; they work without this script. It only places an open annotation under the marker
 * that opened it in browsers without CSS anchor positioning, where it would be centred.
 */
const notes = [...document.querySelectorAll<HTMLElement>('.annotation-list > li[popover]')];

if (notes.length > 0 && !CSS.supports('position-area', 'bottom')) {
  let lastMarker: Element | null = null;
  // A marker's click (mouse, Enter or Space) comes before the popover opens.
  document.addEventListener('click', (event) => {
    const marker = (event.target as Element | null)?.closest?.('.annotation-marker');
    if (marker) lastMarker = marker;
  }, true);

  const place = (note: HTMLElement, marker: Element) => {
    const gap = 6;
    const edge = 8;
    const r = marker.getBoundingClientRect();
    note.style.inset = 'auto';
    note.style.margin = '0';
    const { offsetWidth: w, offsetHeight: h } = note;
    const left = Math.max(edge, Math.min(r.left, window.innerWidth - w - edge));
    const below = r.bottom + gap;
    const top = below + h > window.innerHeight - edge && r.top - gap - h > edge ? r.top - gap - h : below;
    note.style.left = `${left}px`;
    note.style.top = `${top}px`;
  };

  let open: { note: HTMLElement; marker: Element } | null = null;
  for (const note of notes) {
    note.addEventListener('toggle', (event) => {
      const e = event as ToggleEvent & { source?: Element | null };
      if (e.newState !== 'open') {
        if (open?.note === note) open = null;
        return;
      }
      const marker = e.source ?? lastMarker;
      if (!marker) return;
      open = { note, marker };
      place(note, marker);
    });
  }
  const follow = () => {
    if (open) place(open.note, open.marker);
  };
  window.addEventListener('scroll', follow, { passive: true });
  window.addEventListener('resize', follow, { passive: true });
}

export {};
