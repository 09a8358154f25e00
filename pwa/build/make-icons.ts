// Writes the app's PNG icons (192, 512 and a maskable 512) with node:zlib — no image tools, no network.
// Run: npx tsx pwa/build/make-icons.ts. The picture: a price that decays (e^(−θt)) over a baseline, the oracle's
// forward curve, white on the theme green. The maskable icon keeps everything inside the central 80% safe zone.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { crc32, deflateSync } from "node:zlib";

const BG = [0x0b, 0x4f, 0x3c];
const FG = [0xff, 0xff, 0xff];
const ACCENT = [0x7d, 0xe0, 0xb0];

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td) >>> 0);
  return Buffer.concat([len, td, crc]);
}

/** An RGB PNG from a pixel function returning [r, g, b]. */
export function png(size: number, pixel: (x: number, y: number) => number[]): Buffer {
  const raw = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 3 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y);
      const o = y * (size * 3 + 1) + 1 + x * 3;
      raw[o] = r!;
      raw[o + 1] = g!;
      raw[o + 2] = b!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Coverage of the drawing at a point in unit coordinates (0..1), `scale` shrinks it toward the centre.
function shade(u: number, v: number, scale: number): number[] {
  const x = (u - 0.5) / scale + 0.5;
  const y = (v - 0.5) / scale + 0.5;
  const curve = 0.22 + 0.5 * (1 - Math.exp(-3 * Math.max(0, Math.min(1, (x - 0.16) / 0.68)))); // descending price
  const inX = x >= 0.16 && x <= 0.84;
  const stroke = 0.055;
  if (inX && Math.abs(y - curve) < stroke / 2) return FG;
  if (x >= 0.16 && x <= 0.84 && Math.abs(y - 0.8) < 0.02) return ACCENT; // baseline
  if (Math.abs(x - 0.16) < 0.02 && y >= 0.18 && y <= 0.81) return ACCENT; // axis
  return BG;
}

function icon(size: number, scale: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  return png(size, (px, py) => {
    const acc = [0, 0, 0];
    for (let i = 0; i < ss; i++)
      for (let j = 0; j < ss; j++) {
        const c = shade((px + (i + 0.5) / ss) / size, (py + (j + 0.5) / ss) / size, scale);
        for (let k = 0; k < 3; k++) acc[k]! += c[k]!;
      }
    return acc.map((a) => Math.round(a / (ss * ss)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = resolve(import.meta.dirname, "../public/icons");
  writeFileSync(resolve(out, "icon-192.png"), icon(192, 1));
  writeFileSync(resolve(out, "icon-512.png"), icon(512, 1));
  writeFileSync(resolve(out, "icon-maskable-512.png"), icon(512, 0.72));
  console.log(`icons written to ${out}`);
}
