/**
 * One poster sheet → PNG bytes: the sheet's markup and styles (with the embedded fonts) go into an
 * SVG <foreignObject>, the SVG is loaded as an image from a data: URL (allowed by the CSP's img-src,
 * no eval, and a data: SVG does not taint the canvas in Chromium) and drawn on a canvas of the exact size.
 */
export async function sheetToPng(css: string, sheetHtml: string, width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const xhtml = `<div xmlns="http://www.w3.org/1999/xhtml" class="print-root" style="width:${width}px;height:${height}px;background:#fff"><style>${css}
.sheet{margin:0 !important;box-shadow:none !important;}</style>${sheetHtml}</div>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject x="0" y="0" width="100%" height="100%">${xhtml}</foreignObject></svg>`;
  const img = new Image(width, height);
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('png');
  return new Uint8Array(await blob.arrayBuffer());
}
