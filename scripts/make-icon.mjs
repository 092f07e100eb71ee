// Draws icon.png (128×128): three replica nodes joined like an ISR, and a check mark —
// "every replica has it". Run once; the PNG is committed. No image libraries needed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Float32Array(N * N * 4);
const S = 4; // supersampling per axis

function blend(x, y, [r, g, b], a) {
  const i = (y * N + x) * 4;
  const ia = px[i + 3];
  const oa = a + ia * (1 - a);
  if (oa <= 0) return;
  px[i] = (r * a + px[i] * ia * (1 - a)) / oa;
  px[i + 1] = (g * a + px[i + 1] * ia * (1 - a)) / oa;
  px[i + 2] = (b * a + px[i + 2] * ia * (1 - a)) / oa;
  px[i + 3] = oa;
}

function shape(inside, color) {
  for (let y = 0; y < N; y++)
    for (let x = 0; x < N; x++) {
      let hits = 0;
      for (let sy = 0; sy < S; sy++) for (let sx = 0; sx < S; sx++) if (inside(x + (sx + 0.5) / S, y + (sy + 0.5) / S)) hits++;
      if (hits) blend(x, y, color, hits / (S * S));
    }
}

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - w;
};
const segment = (x0, y0, x1, y1, w) => (x, y) => {
  const dx = x1 - x0, dy = y1 - y0;
  const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)) <= w / 2;
};

const BG = [0x1f, 0x24, 0x30];
const NODE = [0xe8, 0xea, 0xed];
const LINK = [0x8a, 0x94, 0xa6];
const OK = [0x3f, 0xb9, 0x50];

shape(roundRect(4, 4, 124, 124, 24), BG);
shape(segment(40, 40, 40, 88, 5), LINK);
shape(segment(40, 64, 76, 40, 5), LINK);
shape(segment(40, 64, 76, 88, 5), LINK);
shape(circle(40, 64, 15), NODE);
shape(ring(76, 40, 12, 5), NODE);
shape(ring(76, 88, 12, 5), NODE);
shape(circle(40, 64, 7), BG);
shape(circle(96, 96, 22), OK);
shape(segment(85, 96, 93, 104, 6), [0xff, 0xff, 0xff]);
shape(segment(93, 104, 107, 88, 6), [0xff, 0xff, 0xff]);

const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    const i = (y * N + x) * 4;
    const o = y * (N * 4 + 1) + 1 + x * 4;
    raw[o] = Math.round(px[i]);
    raw[o + 1] = Math.round(px[i + 1]);
    raw[o + 2] = Math.round(px[i + 2]);
    raw[o + 3] = Math.round(px[i + 3] * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
writeFileSync(
  new URL('../icon.png', import.meta.url),
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
