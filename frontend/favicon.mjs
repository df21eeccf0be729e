// Writes the site icon in both forms the pages use: static/favicon.svg (modern browsers) and static/favicon.ico
// (what browsers and feed readers ask for at /favicon.ico): a 32x32 PNG inside an ICO container, drawn here from the
// same shapes (a red rounded square, three white nodes and their links). No dependencies: `node favicon.mjs`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const out = "../src/main/resources/static";
const RED = [180, 38, 45];
const nodes = [[9, 22, 4.2], [23, 10, 4.2], [23, 23, 3.2]];
const links = [[0, 1], [0, 2], [1, 2]];

writeFileSync(`${out}/favicon.svg`, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">
<rect width="32" height="32" rx="6" fill="rgb(${RED})"/>
<g stroke="#fff" stroke-width="2">${links.map(([a, b]) =>
  `<line x1="${nodes[a][0]}" y1="${nodes[a][1]}" x2="${nodes[b][0]}" y2="${nodes[b][1]}"/>`).join("")}</g>
<g fill="#fff">${nodes.map(([x, y, r]) => `<circle cx="${x}" cy="${y}" r="${r}"/>`).join("")}</g>
</svg>
`);

function segDist(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Coverage of the white shapes at a point, sampled 4x4 per pixel for smooth edges.
function pixel(x, y) {
  let white = 0, inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4, py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, 6), 26), cy = Math.min(Math.max(py, 6), 26);
      if (Math.hypot(px - cx, py - cy) > 6) continue;
      inside++;
      const onNode = nodes.some(([nx, ny, r]) => Math.hypot(px - nx, py - ny) <= r);
      const onLink = links.some(([a, b]) => segDist(px, py, nodes[a], nodes[b]) <= 1);
      if (onNode || onLink) white++;
    }
  }
  const w = white / 16, alpha = inside / 16;
  const c = RED.map((v) => Math.round(v + (255 - v) * (inside ? white / inside : 0)));
  return [...c, Math.round(alpha * 255), w];
}

const size = 32;
const raw = Buffer.alloc(size * (size * 4 + 1));
for (let y = 0; y < size; y++) {
  raw[y * (size * 4 + 1)] = 0;
  for (let x = 0; x < size; x++) {
    const [r, g, b, a] = pixel(x, y);
    raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr),
  chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);

const header = Buffer.alloc(6 + 16);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.set([size, size, 0, 0], 6);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync(`${out}/favicon.ico`, Buffer.concat([header, png]));
console.log("wrote favicon.svg and favicon.ico");
