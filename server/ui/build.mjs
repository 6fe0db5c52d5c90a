// Builds dist/, which package server embeds: the world boundaries
// (Natural Earth 1:110m via world-atlas, ISC) with their licence, and the
// favicon, drawn here. The UI's own files are in static/ and need no build.
// The output depends on nothing but the locked packages and this file, so
// a rebuild gives the same bytes (CI checks it).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

const BACKGROUND = [0x1d, 0x24, 0x30];
// x from, x to, top (the bars stand on y = 26), colour; even numbers, so
// that the 16-pixel icon is as sharp as the 32-pixel one.
const BARS = [
  [6, 10, 16, [0x59, 0xa1, 0x4f]],
  [14, 18, 8, [0x4e, 0x79, 0xa7]],
  [22, 26, 12, [0xe1, 0x57, 0x59]],
];

const pkg = "node_modules/world-atlas";
mkdirSync("dist", { recursive: true });
copyFileSync(`${pkg}/countries-110m.json`, "dist/countries-110m.json");
const { version, license } = JSON.parse(readFileSync(`${pkg}/package.json`, "utf8"));
writeFileSync(
  "dist/NOTICE.txt",
  `countries-110m.json is from the npm package world-atlas ${version} (${license}),\n` +
    "derived from Natural Earth (public domain). Its licence:\n\n" +
    readFileSync(`${pkg}/LICENSE`, "utf8"),
);
writeFileSync("dist/favicon.ico", icon([16, 32]));

// icon draws annals' mark, three bars of the quad-class colours on the
// header's dark blue, at each size, and packs the pictures into an ICO
// file of uncompressed 32-bit bitmaps (no compressor whose output could
// change between versions).
function icon(sizes) {
  const pictures = sizes.map(bitmap);
  const head = Buffer.alloc(6 + 16 * sizes.length);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // an icon
  head.writeUInt16LE(sizes.length, 4);
  let offset = head.length;
  sizes.forEach((size, i) => {
    const e = 6 + 16 * i;
    head.writeUInt8(size, e);
    head.writeUInt8(size, e + 1);
    head.writeUInt16LE(1, e + 4); // colour planes
    head.writeUInt16LE(32, e + 6); // bits per pixel
    head.writeUInt32LE(pictures[i].length, e + 8);
    head.writeUInt32LE(offset, e + 12);
    offset += pictures[i].length;
  });
  return Buffer.concat([head, ...pictures]);
}

// bitmap is one size of the icon: a BITMAPINFOHEADER, BGRA rows from the
// bottom up, and an all-zero AND mask (the alpha channel does its job).
function bitmap(size) {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // colour and mask, stacked
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y, size);
      const o = 40 + ((size - 1 - y) * size + x) * 4;
      out[o] = b;
      out[o + 1] = g;
      out[o + 2] = r;
      out[o + 3] = a;
    }
  }
  return out;
}

// pixel is the colour at (x, y), averaged over 4×4 samples so the rounded
// corners are smooth; coordinates are scaled to a 32-unit square.
function pixel(x, y, size) {
  const n = 4;
  let r = 0, g = 0, b = 0, a = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const c = shape(((x + (i + 0.5) / n) * 32) / size, ((y + (j + 0.5) / n) * 32) / size);
      if (!c) continue;
      r += c[0];
      g += c[1];
      b += c[2];
      a += 255;
    }
  }
  if (a === 0) return [0, 0, 0, 0];
  return [Math.round((r * 255) / a), Math.round((g * 255) / a), Math.round((b * 255) / a), Math.round(a / (n * n))];
}

// shape is the colour at a point of the 32-unit square, or null outside
// its rounded corners.
function shape(x, y) {
  const radius = 6;
  const cx = Math.min(Math.max(x, radius), 32 - radius), cy = Math.min(Math.max(y, radius), 32 - radius);
  if ((x - cx) ** 2 + (y - cy) ** 2 > radius ** 2) return null;
  for (const [x0, x1, top, colour] of BARS) if (x >= x0 && x < x1 && y >= top && y < 26) return colour;
  return BACKGROUND;
}
