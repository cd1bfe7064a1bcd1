/**
 * Draws the add-in icons (a white padlock on a blue rounded square) into assets/icon-<size>.png.
 * Run with `npm run icons`; the PNGs are committed, so this only runs when the mark changes.
 * Shapes are signed-distance functions in a unit square, supersampled for smooth edges; the PNG
 * encoder is the minimal one (RGBA, no filter) on top of node:zlib, so the output is reproducible.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';
import { ICON_SIZES } from '../src/addin/manifest-urls';

type Rgb = readonly [number, number, number];

const BACKGROUND: Rgb = [0x0f, 0x5a, 0x96];
const MARK: Rgb = [0xff, 0xff, 0xff];
const SAMPLES = 8;

/** Distance to a rounded rectangle given by centre, half extents and corner radius (negative inside). */
function roundedRect(x: number, y: number, cx: number, cy: number, hw: number, hh: number, r: number): number {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the shackle's centre line: an upper half circle with two short legs. */
function shackleLine(x: number, y: number, cx: number, cy: number, radius: number, legBottom: number): number {
  if (y <= cy) return Math.abs(Math.hypot(x - cx, y - cy) - radius);
  const leg = (lx: number) => Math.hypot(x - lx, Math.max(0, y - legBottom));
  return Math.min(leg(cx - radius), leg(cx + radius));
}

interface Geometry {
  body: { cy: number; hw: number; hh: number };
  shackle: { cy: number; radius: number; stroke: number };
}

/**
 * Where the parts sit. At 16 px the body's edges fall on whole pixels (3 to 13 across, 7 to 13
 * down) and the shackle's legs on pixel centres, so the lock stays crisp and reads as a padlock,
 * not a bag; larger sizes use smooth proportions.
 */
function geometry(size: number): Geometry {
  if (size <= 16) {
    return { body: { cy: 10 / 16, hw: 5 / 16, hh: 3 / 16 }, shackle: { cy: 6 / 16, radius: 2.5 / 16, stroke: 1.2 / 16 } };
  }
  return { body: { cy: 0.64, hw: 0.26, hh: 0.18 }, shackle: { cy: 0.42, radius: 0.16, stroke: 0.085 } };
}

/** What colour the unit-square point (x, y) has, or null where the icon is transparent. */
function shade(x: number, y: number, size: number, g: Geometry): Rgb | null {
  if (roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.19) > 0) return null;
  const body = roundedRect(x, y, 0.5, g.body.cy, g.body.hw, g.body.hh, size <= 16 ? 0.02 : 0.05) <= 0;
  const shackle = shackleLine(x, y, 0.5, g.shackle.cy, g.shackle.radius, g.body.cy) <= g.shackle.stroke / 2;
  if (!body && !shackle) return BACKGROUND;
  // The keyhole: a round head and a short slot, only where there are pixels enough to show it.
  if (body && size >= 32) {
    const head = Math.hypot(x - 0.5, y - 0.6) <= 0.055;
    const slot = Math.abs(x - 0.5) <= 0.022 && y >= 0.6 && y <= 0.72;
    if (head || slot) return BACKGROUND;
  }
  return MARK;
}

/** RGBA pixels for one size, each the average of SAMPLES x SAMPLES points. */
export function drawIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const geo = geometry(size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = shade((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size, size, geo);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        pixels[at] = Math.round(r / covered);
        pixels[at + 1] = Math.round(g / covered);
        pixels[at + 2] = Math.round(b / covered);
        pixels[at + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
      }
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file: 8-bit RGBA, not interlaced, every row with filter type 0. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

function main(): void {
  const dir = fileURLToPath(new URL('../assets/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = `${dir}icon-${size}.png`;
    writeFileSync(file, encodePng(size, size, drawIcon(size)));
    console.log(`wrote assets/icon-${size}.png`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
