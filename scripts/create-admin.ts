/**
 * Creates a network (if its code is new) with its clusters, and its first network admin — on the local database,
 * or on the deployed one with --remote. The password is read from the ADMIN_PASSWORD environment variable or asked
 * for (never passed on the command line, where shell history would keep it), and only its PBKDF2 hash is stored.
 *
 *   npm run admin:create -- --network-code hnk --network-name "HomeNet Kenya" --country ke \
 *     --clusters "lodwar:Lodwar:turkana,kisumu:Kisumu:kisumu" --email admin@example.org --name "Jane Admin" [--remote]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { hashPassword, MIN_PASSWORD_LENGTH, newId } from "../src/auth/password";
import { getEngine } from "../src/rules/registry";

const { values } = parseArgs({
  options: {
    "network-code": { type: "string" },
    "network-name": { type: "string" },
    country: { type: "string" },
    languages: { type: "string" },
    clusters: { type: "string", default: "" },
    email: { type: "string" },
    phone: { type: "string" },
    name: { type: "string" },
    lang: { type: "string" },
    remote: { type: "boolean", default: false },
  },
});

function die(message: string): never {
  console.error(message);
  process.exit(2);
}

const code = values["network-code"] ?? die("--network-code is required (e.g. hnk)");
const country = (values.country ?? die("--country is required (e.g. ke)")).toLowerCase();
const engine = getEngine(country) ?? die(`--country: no rules for "${country}"`);
const languages = values.languages ? values.languages.split(",") : engine.pack.country.languages;
const email = values.email?.toLowerCase();
if (!email && !values.phone) die("--email or --phone is required");
const name = values.name ?? die("--name is required");
const lang = values.lang ?? languages[0]!;

let password = process.env.ADMIN_PASSWORD;
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question(`Password for ${email ?? values.phone} (at least ${MIN_PASSWORD_LENGTH} characters): `);
  rl.close();
}
if (password.length < MIN_PASSWORD_LENGTH) die(`the password must be at least ${MIN_PASSWORD_LENGTH} characters`);

const q = (v: string | null) => (v === null ? "NULL" : `'${v.replace(/'/g, "''")}'`);
const now = new Date().toISOString();
const today = now.slice(0, 10);
const networkId = `net_${code.replace(/[^a-z0-9]/gi, "_")}`;
const userId = newId();
const sql = [
  `INSERT OR IGNORE INTO networks (id, code, name, country, languages, created_at) VALUES (${q(networkId)}, ${q(code)}, ${q(values["network-name"] ?? code)}, ${q(country)}, ${q(JSON.stringify(languages))}, ${q(now)});`,
  ...values.clusters
    .split(",")
    .filter(Boolean)
    .map((spec) => {
      const [cCode, cName, region] = spec.split(":");
      return `INSERT OR IGNORE INTO clusters (id, network_id, code, name, region) VALUES (${q(`${networkId}_${cCode}`)}, ${q(networkId)}, ${q(cCode!)}, ${q(cName ?? cCode!)}, ${q(region ?? null)});`;
    }),
  `INSERT INTO users (id, network_id, email, phone, display_name, password_hash, lang, status, created_at) VALUES (${q(userId)}, (SELECT id FROM networks WHERE code = ${q(code)}), ${q(email ?? null)}, ${q(values.phone ?? null)}, ${q(name)}, ${q(await hashPassword(password))}, ${q(lang)}, 'active', ${q(now)});`,
  `INSERT INTO role_grants (id, user_id, network_id, role, cluster_id, valid_from, created_at) VALUES (${q(newId())}, ${q(userId)}, (SELECT id FROM networks WHERE code = ${q(code)}), 'network_admin', NULL, ${q(today)}, ${q(now)});`,
].join("\n");
const file = join(mkdtempSync(join(tmpdir(), "hbw-admin-")), "admin.sql");
writeFileSync(file, sql);
const r = spawnSync("sh", ["scripts/wrangler.sh", "d1", "execute", "DB", values.remote ? "--remote" : "--local", "--file", file], { stdio: "inherit" });
if (r.status !== 0) die("creating the admin failed (is the email or phone already used?)");
console.log(`network admin ${email ?? values.phone} created in network ${code} (${values.remote ? "deployed" : "local"} database)`);
