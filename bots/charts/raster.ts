import { PNG } from 'pngjs';
import { GLYPH_ADVANCE, glyph, textWidth } from './bitmap-font.ts';

export type Rgb = readonly [number, number, number];

/** An RGBA pixel canvas with the few drawing operations charts need, written out as PNG. */
export class Raster {
  private readonly png: PNG;

  constructor(readonly width: number, readonly height: number, background: Rgb = [255, 255, 255]) {
    this.png = new PNG({ width, height });
    this.fillRect(0, 0, width, height, background);
  }

  setPixel(x: number, y: number, [r, g, b]: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    const offset = (py * this.width + px) * 4;
    this.png.data[offset] = r;
    this.png.data[offset + 1] = g;
    this.png.data[offset + 2] = b;
    this.png.data[offset + 3] = 255;
  }

  fillRect(x: number, y: number, width: number, height: number, color: Rgb): void {
    const left = Math.max(0, Math.round(x));
    const top = Math.max(0, Math.round(y));
    const right = Math.min(this.width, Math.round(x + width));
    const bottom = Math.min(this.height, Math.round(y + height));
    for (let py = top; py < bottom; py++) for (let px = left; px < right; px++) this.setPixel(px, py, color);
  }

  /** A straight line `thickness` pixels wide (Bresenham, stamped with a square). */
  line(x0: number, y0: number, x1: number, y1: number, color: Rgb, thickness = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    const half = Math.floor(thickness / 2);
    for (let step = 0; step <= steps; step++) {
      const x = x0 + ((x1 - x0) * step) / steps;
      const y = y0 + ((y1 - y0) * step) / steps;
      this.fillRect(Math.round(x) - half, Math.round(y) - half, thickness, thickness, color);
    }
  }

  /** Text in the embedded 5x7 font, `scale` pixels per font pixel; `align` anchors x. */
  text(x: number, y: number, text: string, color: Rgb, options: { scale?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const scale = options.scale ?? 1;
    const width = textWidth(text, scale);
    const left = options.align === 'center' ? x - width / 2 : options.align === 'right' ? x - width : x;
    [...text].forEach((character, index) => {
      glyph(character).forEach((row, rowIndex) =>
        row.forEach((on, column) => {
          if (on) this.fillRect(left + (index * GLYPH_ADVANCE + column) * scale, y + rowIndex * scale, scale, scale, color);
        }),
      );
    });
  }

  toPng(): Buffer {
    return PNG.sync.write(this.png);
  }
}
