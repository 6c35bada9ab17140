// Writes the favicon and app icons in public/ from public/icon.svg (run after changing the SVG, commit the output):
//   npx tsx scripts/make-icons.ts
// PNGs are rendered by sharp (installed with Next.js); favicon.ico holds 16, 32 and 48 px PNG images, the ICO form
// every browser reads.
import { readFile, writeFile } from "node:fs/promises";
import sharp from "sharp";

const SVG = "public/icon.svg";
const PNGS: ReadonlyArray<readonly [string, number]> = [
  ["public/icon-192.png", 192],
  ["public/icon-512.png", 512],
  ["public/apple-touch-icon.png", 180],
];
const ICO_SIZES = [16, 32, 48];

async function png(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: 72 * Math.ceil(size / 64) * 2 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/** An ICO file: a 6-byte header, a 16-byte entry per image, then the PNG images themselves. */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.data)]);
}

async function main(): Promise<void> {
  const svg = await readFile(SVG);
  for (const [file, size] of PNGS) {
    await writeFile(file, await png(svg, size));
    console.log(`${file} (${size}×${size})`);
  }
  const images = await Promise.all(ICO_SIZES.map(async (size) => ({ size, data: await png(svg, size) })));
  await writeFile("public/favicon.ico", ico(images));
  console.log(`public/favicon.ico (${ICO_SIZES.join(", ")} px)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
