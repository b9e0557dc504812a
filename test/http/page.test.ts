/**
 * The member's page without JavaScript (POST /check): hostile or stale hidden state at every action goes through
 * the facts gate, limits hold, and every failure is a page she can read, never JSON and never a 500.
 */
import { describe, expect, it } from "vitest";
import { call } from "../helpers/http";

const ACTIONS = ["answer", "dont_know", "rather_not", "back", "results", "more", "edit:age", "edit:covered_by", "lang", "restart"];

function post(fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
  return call("/check", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });
}

const HOSTILE_STATES: string[] = [
  '{"country":"ke","facts":{"__proto__":{"age":3},"constructor":1},"order":["__proto__"],"view":"results"}',
  ...([
  { country: "ke", facts: { covered_by: { length: 200000000 }, age: {} }, order: ["covered_by", "age"], view: "questions" },
  { country: "ke", facts: { covered_by: { length: 2000000000 } }, order: [], view: "results" },
  { country: "ke", facts: { age: { toString: 1 } }, order: ["age"], view: "results" },
  { country: "ke", facts: { age: 45 }, order: ["toString", "age", "__proto__"], view: "questions" },
  { country: "ke", facts: { age: 45, fact_removed_by_a_rule_update: true }, order: ["age", "fact_removed_by_a_rule_update"], view: "questions" },
  { country: "ke", facts: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i])), order: [], view: "results" },
] as unknown[]).map((s) => JSON.stringify(s)),
];

describe("POST /check with hostile or stale state", () => {
  it.each(HOSTILE_STATES.flatMap((state) => ACTIONS.map((action) => [action, state.slice(0, 60), state] as const)))(
    "%s with %s… is a page, not a 500",
    async (action, _label, state) => {
      const r = await post({ country: "ke", lang: "sw", state, action, fact: "age", value: "45", to_lang: "en" });
      expect(r.status).toBeLessThan(500);
      expect(r.headers.get("content-type")).toContain("text/html");
      expect(r.body).not.toContain("[object Object]");
      expect(r.body).not.toContain("200000000");
      // The state a page carries is the gated one: small, whatever came in.
      expect(r.body.length).toBeLessThan(60_000);
    },
  );

  it("goes back past an answer to a fact the rules no longer have", async () => {
    const state = { country: "ke", facts: { age: 45, removed: true }, order: ["age", "removed"], view: "questions" };
    const r = await post({ country: "ke", lang: "en", state: JSON.stringify(state), action: "back" });
    expect(r.status).toBe(200);
    expect(r.body).toContain('name="fact" value="age"');
  });

  it("refuses a form over 32 KiB with a page", async () => {
    const r = await post({ country: "ke", lang: "sw", state: "x".repeat(40 * 1024) }, { "accept-language": "sw-KE,sw;q=0.9,en;q=0.5" });
    expect(r.status).toBe(413);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.body).toContain("ni kirefu mno");
  });

  it("answers a malformed multipart body with a 400 page", async () => {
    const r = await call("/check?lang=sw", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=zz" }, body: "--zz\r\nContent-Disposition: form-data; name=\"country\"\r\n\r\nke\r\n--z" });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.body).toContain("Hatukuweza kusoma");
  });

  it("shows a typed-answer problem in her language", async () => {
    const state = { country: "ke", facts: {}, order: [], view: "questions" };
    const r = await post({ country: "ke", lang: "sw", state: JSON.stringify(state), action: "answer", fact: "age", value: "abc" });
    expect(r.status).toBe(400);
    expect(r.body).toContain("Tafadhali andika namba");
    expect(r.body).not.toContain("must be");
  });

  it("counts a check that reaches results, on the server's date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { env } = await import("cloudflare:test");
    const before = (await env.DB.prepare("SELECT checks FROM daily_checks WHERE day = ? AND country = 'ke'").bind(today).first<{ checks: number }>())?.checks ?? 0;
    const state = { country: "ke", facts: { age: 45 }, order: ["age"], view: "questions" };
    const r = await post({ country: "ke", lang: "en", state: JSON.stringify(state), action: "results" });
    expect(r.status).toBe(200);
    const after = (await env.DB.prepare("SELECT checks FROM daily_checks WHERE day = ? AND country = 'ke'").bind(today).first<{ checks: number }>())?.checks ?? 0;
    expect(after).toBe(before + 1);
  });
});

describe("the first page without JavaScript", () => {
  it("speaks the browser's language when a country's pages are written in it", async () => {
    const r = await call("/", { headers: { "accept-language": "ur-PK,ur;q=0.9,en;q=0.5" } });
    expect(r.body).toContain('<html lang="ur" dir="rtl">');
    const en = await call("/", { headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(en.body).toContain('<html lang="en"');
  });
});

describe("errors on page routes are pages", () => {
  it("answers an unknown page with a 404 page in HTML", async () => {
    const r = await call("/no-such-page?lang=sw");
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toContain("text/html");
    expect(r.body).toContain("Hatukuweza kupata ukurasa huu.");
  });

  it("answers a wrong method on a page with a 405 page and an Allow header derived from the routes", async () => {
    const r = await call("/", { method: "DELETE" });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("GET, HEAD");
    expect(r.headers.get("content-type")).toContain("text/html");
    const check = await call("/check", { method: "PUT" });
    expect(check.headers.get("allow")).toBe("GET, HEAD, POST");
  });
});
