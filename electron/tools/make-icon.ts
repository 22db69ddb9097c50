// Generates the app icon (build/icon.png 512×512 and build/icon.ico with
// 16–256 px) from a few geometric shapes, so the icon is reproducible and
// needs no image tools: a blue rounded square with a white house and door.
// Run: npx tsx electron/tools/make-icon.ts
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

type Rgba = [number, number, number, number];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixels: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(pixels.buffer, pixels.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICO container with PNG-compressed images (supported since Windows Vista). */
export function encodeIco(images: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry[0] = size >= 256 ? 0 : size;
    entry[1] = size >= 256 ? 0 : size;
    entry.writeUInt16LE(1, 4); // planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

// Shapes in unit coordinates (0..1), y downwards.
function inRoundedSquare(x: number, y: number): boolean {
  const margin = 0.04;
  const radius = 0.2;
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  if (x < margin || x > 1 - margin || y < margin || y > 1 - margin) return false;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inTriangle(x: number, y: number, a: [number, number], b: [number, number], c: [number, number]): boolean {
  const side = (p: [number, number], q: [number, number]) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

function inRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

const WHITE: Rgba = [255, 255, 255, 255];

function background(y: number): Rgba {
  // Vertical gradient from #1E88E5 to #0D47A1.
  const t = Math.min(Math.max((y - 0.04) / 0.92, 0), 1);
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return [mix(0x1e, 0x0d), mix(0x88, 0x47), mix(0xe5, 0xa1), 255];
}

function sample(x: number, y: number): Rgba | null {
  if (!inRoundedSquare(x, y)) return null;
  const roof = inTriangle(x, y, [0.5, 0.2], [0.17, 0.5], [0.83, 0.5]);
  const body = inRect(x, y, 0.27, 0.46, 0.73, 0.78);
  const door = inRect(x, y, 0.44, 0.6, 0.56, 0.78);
  const window = inRect(x, y, 0.33, 0.53, 0.4, 0.6) || inRect(x, y, 0.6, 0.53, 0.67, 0.6);
  if ((roof || body) && !door && !window) return WHITE;
  return background(y);
}

/** Renders the icon at `size` px with 4×4 supersampling for smooth edges. */
export function renderIcon(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const color = sample((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!color) continue;
          // Premultiplied accumulation so edges do not darken.
          r += color[0];
          g += color[1];
          b += color[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        pixels[i] = Math.round(r / a);
        pixels[i + 1] = Math.round(g / a);
        pixels[i + 2] = Math.round(b / a);
        pixels[i + 3] = Math.round((a / (n * n)) * 255);
      }
    }
  }
  return pixels;
}

function main(): void {
  const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'build');
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(path.join(buildDir, 'icon.png'), encodePng(512, renderIcon(512)));
  const sizes = [16, 24, 32, 48, 64, 128, 256];
  writeFileSync(path.join(buildDir, 'icon.ico'), encodeIco(sizes.map((size) => ({ size, png: encodePng(size, renderIcon(size)) }))));
  console.info(`Icons geschrieben nach ${buildDir}`);
}

main();
