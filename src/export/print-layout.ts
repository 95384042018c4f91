/**
 * The print layout of `deck pdf`, as functions that run inside the built
 * page (playwright serialises them, so each is self-contained: no imports,
 * no helpers from outside its own body).
 *
 * impress.js itself places the camera: `cameraFor` sends it to a step with
 * no transition and reads the transforms it gave `#impress` (scale,
 * perspective) and its canvas (rotations, translation). `layOutPages` then
 * puts, for each state, a copy of the canvas with that camera into a page
 * box of the paper's size, so every page shows what the audience sees at
 * that moment (neighbouring steps included) while text stays text: Chromium
 * prints 2D-transformed text as text and may rasterise what is turned in 3D.
 *
 * Keep in step with impress.js 1.1.0: the classes it puts on steps
 * (`active present past future`), on the body (`impress-enabled`,
 * `impress-on-ID`) and on substeps (`substep-visible substep-active`).
 */

export interface Camera {
  id: string;
  rootTransform: string;
  rootPerspective: string;
  canvasTransform: string;
  /** How many `.substep` elements the step has. */
  substeps: number;
  hasNotes: boolean;
}

/** One page: step `index` with its first `visible` substeps shown. */
export interface PrintState {
  index: number;
  visible: number;
  camera: Camera;
  /** A handout page with the step's notes follows this one. */
  notesAfter: boolean;
}

export interface PageLayout {
  width: number;
  height: number;
  states: PrintState[];
  notesTitle: string;
}

/** In the page: how many steps impress.js walks. */
export function countSteps(): number {
  return document.querySelectorAll('#impress .step').length;
}

/** In the page: moves impress.js's camera to step `index` at once and reads where it put it. */
export function cameraFor(index: number): Camera {
  const steps = Array.from(document.querySelectorAll<HTMLElement>('#impress .step'));
  const step = steps[index]!;
  const api = (window as unknown as { impress: () => { goto: (el: Element, duration: number) => unknown } }).impress();
  api.goto(step, 0);
  const root = document.getElementById('impress')!;
  const canvas = root.firstElementChild as HTMLElement;
  return {
    id: step.id,
    rootTransform: root.style.transform,
    rootPerspective: root.style.perspective,
    canvasTransform: canvas.style.transform,
    substeps: step.querySelectorAll('.substep').length,
    hasNotes: step.querySelector('.notes') !== null,
  };
}

/**
 * In the page: replaces what prints with one page box per state (and a
 * handout page after a step, when asked). The live deck stays in the DOM,
 * hidden, so the copies share its loaded images and fonts.
 */
export function layOutPages(layout: PageLayout): number {
  const body = document.body;
  const root = document.getElementById('impress')!;
  const steps = Array.from(root.querySelectorAll<HTMLElement>('.step'));
  // Classes impress.js gives the body go to each page box instead, so a
  // theme's `.impress-on-ID …` or `.impress-enabled:has(.step.active …)`
  // rules see one step as current per page, not all of them at once.
  const bodyClasses = Array.from(body.classList).filter((c) => c !== 'impress-enabled' && !c.startsWith('impress-on-'));
  const background = getComputedStyle(body);
  const style = document.createElement('style');
  style.textContent = [
    `@page { size: ${layout.width}px ${layout.height}px; margin: 0; }`,
    'html, body { height: auto !important; overflow: visible !important; margin: 0 !important; padding: 0 !important; }',
    'body > :not(#deck-print) { display: none !important; }',
    `.deck-print-page { position: relative; width: ${layout.width}px; height: ${layout.height}px; overflow: hidden; break-after: page; break-inside: avoid; }`,
    '.deck-print-page:last-child { break-after: auto; }',
    '.deck-print-page, .deck-print-page * { transition: none !important; animation: none !important; }',
    '.deck-print-handout { box-sizing: border-box; padding: 64px 96px; background: #fff; color: #1d1d1f; font: 28px/1.4 system-ui, sans-serif; }',
    '.deck-print-handout > h1 { font-size: 32px; margin: 0 0 24px; color: #555; }',
  ].join('\n');
  const pages = document.createElement('div');
  pages.id = 'deck-print';
  for (const state of layout.states) {
    const page = document.createElement('div');
    page.className = ['deck-print-page', 'impress-enabled', `impress-on-${state.camera.id}`].join(' ');
    page.style.backgroundColor = background.backgroundColor;
    page.style.backgroundImage = background.backgroundImage;
    const copy = root.cloneNode(true) as HTMLElement;
    copy.style.top = '50%';
    copy.style.left = '50%';
    copy.style.transform = state.camera.rootTransform;
    copy.style.perspective = state.camera.rootPerspective;
    (copy.firstElementChild as HTMLElement).style.transform = state.camera.canvasTransform;
    const copies = Array.from(copy.querySelectorAll<HTMLElement>('.step'));
    copies.forEach((step, i) => {
      step.classList.remove('active', 'present', 'past', 'future');
      step.classList.add(...(i === state.index ? ['active', 'present'] : i < state.index ? ['past'] : ['future']));
      // Steps already passed show all their substeps, later ones none (as after walking forward).
      const shown = i === state.index ? state.visible : i < state.index ? Infinity : 0;
      step.querySelectorAll('.substep').forEach((substep, k) => {
        substep.classList.toggle('substep-visible', k < shown);
        substep.classList.toggle('substep-active', i === state.index && k === shown - 1);
      });
    });
    page.append(copy);
    pages.append(page);
    if (state.notesAfter) pages.append(handout(steps[state.index]!, state.index, layout.notesTitle));
  }
  body.classList.remove(...Array.from(body.classList).filter((c) => !bodyClasses.includes(c)));
  document.head.append(style);
  body.append(pages);
  return pages.children.length;

  function handout(step: HTMLElement, index: number, title: string): HTMLElement {
    const page = document.createElement('div');
    page.className = 'deck-print-page deck-print-handout';
    const heading = document.createElement('h1');
    heading.textContent = `${title} ${index + 1}${step.id ? ` (${step.id})` : ''}`;
    page.append(heading);
    for (const notes of Array.from(step.querySelectorAll('.notes'))) {
      for (const child of Array.from(notes.childNodes)) page.append(child.cloneNode(true));
    }
    return page;
  }
}

/** In the page: resolves once every image has loaded (or failed) and the fonts are ready. */
export async function settle(): Promise<void> {
  await Promise.all(
    Array.from(document.images).map((img) =>
      img.complete ? undefined : new Promise<void>((done) => {
        img.addEventListener('load', () => done(), { once: true });
        img.addEventListener('error', () => done(), { once: true });
      }),
    ),
  );
  await document.fonts.ready;
}
