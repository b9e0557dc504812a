// Prints the size of the bundled Worker, raw and gzipped (what Cloudflare's 3 MiB / 10 MiB limits count).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
let raw = 0;
let gz = 0;
for (const f of readdirSync(dir)) {
  const p = join(dir, f);
  if (!statSync(p).isFile() || f.endsWith(".map")) continue;
  const buf = readFileSync(p);
  raw += buf.length;
  gz += gzipSync(buf, { level: 9 }).length;
}
console.log(`Worker bundle: ${(raw / 1024).toFixed(1)} KiB raw, ${(gz / 1024).toFixed(1)} KiB gzipped`);
