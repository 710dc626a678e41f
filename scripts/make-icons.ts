// Draws Backstory's toolbar icons (public/icon/*.png): a rounded square with a bold "B" and a margin note line.
// Run once after changing the design: `node --import tsx scripts/make-icons.ts`. No image library needed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const GLYPH = ['11110', '10001', '10001', '11110', '10001', '10001', '11110'];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function icon(size: number): Buffer {
  const px = (x: number, y: number): [number, number, number, number] => {
    const r = size * 0.2;
    const inCorner = (cx: number, cy: number) => (x - cx) ** 2 + (y - cy) ** 2 > r * r;
    if ((x < r && y < r && inCorner(r, r)) || (x > size - r && y < r && inCorner(size - r, r)) ||
        (x < r && y > size - r && inCorner(r, size - r)) || (x > size - r && y > size - r && inCorner(size - r, size - r))) {
      return [0, 0, 0, 0];
    }
    const gx = Math.floor(((x - size * 0.18) / (size * 0.5)) * 5);
    const gy = Math.floor(((y - size * 0.17) / (size * 0.66)) * 7);
    if (gy >= 0 && gy < 7 && gx >= 0 && gx < 5 && GLYPH[gy]![gx] === '1') return [255, 255, 255, 255];
    if (x > size * 0.74 && x < size * 0.84 && y > size * 0.2 && y < size * 0.8) return [255, 196, 120, 255];
    return [138, 59, 18, 255];
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(px(x + 0.5, y + 0.5), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 96, 128]) writeFileSync(`public/icon/${size}.png`, icon(size));
console.log('wrote public/icon/{16,32,48,96,128}.png');
