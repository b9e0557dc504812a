/**
 * The rule author's check: schema and references, test vectors, vector coverage (both sides of every threshold
 * and every date) and translation coverage per language. Exits 1 on any error.
 *   npm run rules:check            everything
 *   npm run rules:test             only run the vectors, listing each failure
 *   npm run rules:check -- --country th   one country only
 */
import { compilePack } from "../src/engine/compile";
import { formatRuleError } from "../src/rules/load";
import { readRules } from "../src/rules/read";
import { translationCoverage } from "../src/rules/translations";
import { coverageGaps, officeProxyGaps, runVector } from "../src/rules/vectors";

const vectorsOnly = process.argv.includes("--vectors-only");
const only = process.argv.includes("--country") ? process.argv[process.argv.indexOf("--country") + 1] : undefined;
const all = readRules();
const { rulesVersion } = all;
const countries = all.countries.filter((c) => !only || c.pack.country.code === only);
const errors = all.errors.filter((e) => !only || e.file.startsWith(`rules/${only}/`));
let problems = 0;

if (errors.length) {
  console.log(`✗ ${errors.length} error${errors.length > 1 ? "s" : ""} in rule files:`);
  for (const e of errors) console.log(`  ${formatRuleError(e)}`);
  problems += errors.length;
}

for (const { pack, vectors } of countries) {
  const cc = pack.country.code;
  const engine = compilePack(pack);
  const total = vectors.reduce((n, f) => n + f.vectors.length, 0);
  const failures = vectors.flatMap((f) => f.vectors.flatMap((v) => runVector(engine, f.file, v)));
  console.log(`${failures.length ? "✗" : "✓"} ${cc}: ${total - new Set(failures.map((f) => f.file + f.vector)).size}/${total} vectors pass (${pack.schemes.length} schemes)`);
  for (const f of failures) console.log(`  ${f.file}: "${f.vector}"${f.scheme ? ` ${f.scheme}` : ""}: ${f.message}`);
  problems += failures.length;
  if (vectorsOnly) continue;

  const gaps = coverageGaps(pack, vectors);
  console.log(`${gaps.length ? "✗" : "✓"} ${cc}: vector coverage${gaps.length ? `: ${gaps.length} gap${gaps.length > 1 ? "s" : ""}` : " complete"}`);
  for (const g of gaps) console.log(`  ${g.file}: ${g.message}`);
  problems += gaps.length;

  const office = officeProxyGaps(pack, vectors);
  console.log(`${office.length ? "✗" : "✓"} ${cc}: office criteria${office.length ? `: ${office.length} without a proxy test or no_proxy` : " all have a proxy test or say why none exists"}`);
  for (const g of office) console.log(`  ${g.file}: ${g.message}`);
  problems += office.length;

  for (const lc of translationCoverage(pack)) {
    const pct = Math.floor((100 * lc.translated) / lc.total);
    const review = lc.needs_review.length ? `; awaiting native review: ${lc.needs_review.join(", ")}` : "";
    console.log(`  ${cc}/${lc.lang}: ${lc.translated}/${lc.total} texts translated (${pct}%)${review}`);
    for (const m of lc.missing.slice(0, 10)) console.log(`    missing ${lc.lang}: ${m} (English is shown instead)`);
    if (lc.missing.length > 10) console.log(`    … and ${lc.missing.length - 10} more`);
  }
}

console.log(problems ? `\n${problems} problem${problems > 1 ? "s" : ""} to fix.` : `\nAll rules pass. Rules version ${rulesVersion}.`);
process.exit(problems ? 1 : 0);
