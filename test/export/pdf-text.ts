/** Reads a PDF the way a reader would: page sizes in points and the text on each page (pdfjs-dist). */
import fs from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPage {
  width: number;
  height: number;
  text: string;
}

export async function readPdf(file: string): Promise<PdfPage[]> {
  const document = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const page = await document.getPage(n);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
    pages.push({ width: x1 - x0, height: y1 - y0, text });
  }
  await document.destroy();
  return pages;
}
