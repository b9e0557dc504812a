/**
 * The shape of the house, enforced: the engine imports nothing outside itself; the interview only the engine;
 * nothing in src/ imports web/ (the entry point src/index.ts is where the two meet); web/ never imports the
 * database or the HTTP layer. Reads every import of every source file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === "generated" || name === "node_modules" || name === "dist") return [];
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module a file imports: package names as they are, relative paths resolved from the project root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s+["']([^"']+)["']|import\.meta\.glob[^(]*\(\s*\[?\s*["']([^"']+)["']/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4]!,
  );
  return specs.map((s) => (s.startsWith(".") ? normalize(join(dirname(file), s)) : s));
}

const all = [...files("src"), ...files("web/src")];
const offenders = (from: string, ok: (imported: string, file: string) => boolean) =>
  all
    .filter((f) => f.startsWith(from))
    .flatMap((f) => importsOf(f).filter((i) => !ok(i, f)).map((i) => `${f} imports ${i}`));

describe("module boundaries", () => {
  it("reads imports (so that the rules below can fail)", () => {
    expect(importsOf("src/index.ts")).toEqual(expect.arrayContaining(["src/http/app", "web/src/server"]));
    expect(all.length).toBeGreaterThan(40);
  });

  it("the engine imports nothing outside itself", () => {
    expect(offenders("src/engine/", (i) => i.startsWith("src/engine/"))).toEqual([]);
  });

  it("the interview imports only itself and the engine", () => {
    expect(offenders("src/interview/", (i) => i.startsWith("src/interview/") || i.startsWith("src/engine/"))).toEqual([]);
  });

  it("nothing in src/ imports web/, except the entry point that joins them", () => {
    expect(offenders("src/", (i, f) => !i.startsWith("web/") || f === normalize("src/index.ts"))).toEqual([]);
  });

  it("web/ never imports the database or the HTTP layer", () => {
    expect(offenders("web/src/", (i) => !i.startsWith("src/db/") && !i.startsWith("src/http/") && !i.startsWith("drizzle") && !i.startsWith("hono"))).toEqual([]);
  });

  it("pure modules import no runtime-specific package", () => {
    const pure = ["src/engine/", "src/interview/", "src/present/"];
    const bad = pure.flatMap((dir) => offenders(dir, (i) => i.startsWith("src/") || (!/^(hono|drizzle-orm|cloudflare:|node:|@hono)/.test(i) && !/^zod/.test(i))));
    expect(bad).toEqual([]);
  });
});
