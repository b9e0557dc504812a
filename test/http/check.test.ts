import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { questionFor } from "../../src/interview";
import { PACKS } from "../../src/rules/generated/index";
import { call, check, postJson } from "../helpers/http";

const member = { age: 45, worker_type: "self_employed", residency_status: "citizen", region: "kisumu" };

describe("POST /api/check", () => {
  it("answers each scheme in force with status, reasons in the requested language, sources and content", async () => {
    const r = await check({ country: "KE", date: "2025-06-01", lang: "sw", facts: member });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ country: "ke", date: "2025-06-01", lang: "sw" });
    expect(r.body.rules_version).toMatch(/^[0-9a-f]{16}$/);
    const inua = r.body.results.find((x: any) => x.scheme === "inua_jamii_opct");
    expect(inua).toMatchObject({ status: "not_eligible", rule_version: "ke/inua_jamii_opct@2018-01-01", missing: [] });
    expect(inua.criteria[0]).toMatchObject({ id: "age", outcome: "failed", value: 45, threshold: 70 });
    expect(inua.criteria[0].reason).toBe("Una miaka 45; mpango huanza katika umri wa miaka 70.");
    expect(inua.name).toBe("Inua Jamii – Pesa kwa Wazee");
    expect(inua.sources.map((s: any) => s.id)).toContain("ke27");
    expect(inua.sources[0]).toHaveProperty("url");
    expect(inua.documents.length).toBeGreaterThan(0);
  });

  it("defaults the date to today and the language to English", async () => {
    const r = await check({ country: "ke", facts: {} });
    expect(r.status).toBe(200);
    expect(r.body.date).toBe(new Date().toISOString().slice(0, 10));
    expect(r.body.lang).toBe("en");
  });

  it("falls back to English for a language the country lacks", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", lang: "th", facts: { age: 45 } });
    expect(r.body.lang).toBe("en");
  });

  it("names the next question and the schemes it settles", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", facts: {} });
    expect(r.body.next_question).toMatchObject({ fact: expect.any(String), label: expect.any(String) });
    expect(r.body.next_question.schemes.length).toBeGreaterThan(0);
  });

  it("counts the check in D1 on the server's date (never the date asked for), per country, scheme and status, with no facts", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const before = async () => ((await env.DB.prepare("SELECT checks FROM daily_checks WHERE day = ? AND country = 'ke'").bind(today).first<{ checks: number }>())?.checks ?? 0);
    const start = await before();
    await check({ country: "ke", date: "1900-01-01", facts: { age: 45 } });
    await check({ country: "ke", date: "2025-06-01", facts: { age: 45 } });
    expect(await before()).toBe(start + 2);
    const planted = await env.DB.prepare("SELECT count(*) AS n FROM daily_checks WHERE day IN ('1900-01-01', '2025-06-01')").first<{ n: number }>();
    expect(planted!.n).toBe(0);
    const row = await env.DB.prepare("SELECT count FROM scheme_result_counts WHERE day = ? AND scheme = 'inua_jamii_opct' AND status = 'not_eligible'").bind(today).first<{ count: number }>();
    expect(row!.count).toBeGreaterThanOrEqual(1);
    const columns = await env.DB.prepare("SELECT name FROM pragma_table_info('scheme_result_counts')").all();
    expect(columns.results.map((c: any) => c.name)).toEqual(["day", "country", "scheme", "status", "count"]);
  });

  it("is never cached: the answer echoes her answers' outcomes", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", facts: { age: 45 } });
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("gives each result its version's content hash and the country pack's hash as the rules version", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", facts: {} });
    const countries = await call("/api/countries");
    const ke = countries.body.countries.find((c: any) => c.code === "ke");
    expect(r.body.rules_version).toBe(ke.rules_hash);
    for (const x of r.body.results) expect(x.version_hash).toMatch(/^[0-9a-f]{16}$/);
  });

  it("names the next question in the requested language", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", lang: "sw", facts: {} });
    const fact = r.body.next_question.fact;
    expect(r.body.next_question.label).toBe(questionFor(PACKS.ke!, fact, "sw")!.label);
    expect(r.body.next_question.label).not.toBe(questionFor(PACKS.ke!, fact, "en")!.label);
  });
});

describe("bad input to POST /api/check gets a 400 naming the field", () => {
  const cases: [string, unknown, string, string, RegExp][] = [
    ["unknown country", { country: "xx", facts: {} }, "country", "unknown_country", /unknown country "xx"; rules exist for: .*ke/],
    ["malformed country", { country: "kenya", facts: {} }, "country", "invalid_format", /two-letter/],
    ["missing facts", { country: "ke" }, "facts", "required", /required/],
    ["facts not an object", { country: "ke", facts: [1] }, "facts", "not_an_object", /.+/],
    ["unknown fact", { country: "ke", facts: { shoe_size: 40 } }, "facts.shoe_size", "unknown_fact", /"shoe_size" is not a question/],
    ["__proto__ as a fact", '{"country":"ke","facts":{"__proto__":{"age":1}}}', "facts.__proto__", "unknown_fact", /"__proto__" is not a question/],
    ["wrong type", { country: "ke", facts: { age: "forty" } }, "facts.age", "not_a_number", /write a number/],
    ["negative income", { country: "ke", facts: { monthly_income: -5 } }, "facts.monthly_income", "too_small", /at least 0/],
    ["fractional age", { country: "ke", facts: { age: 40.5 } }, "facts.age", "not_whole", /whole number/],
    ["unknown enum value", { country: "ke", facts: { worker_type: "tailor" } }, "facts.worker_type", "not_an_option", /one of the answers/],
    ["unknown region", { country: "ke", facts: { region: "atlantis" } }, "facts.region", "not_an_option", /one of the answers/],
    ["unknown programme", { country: "ke", facts: { covered_by: ["epfo"] } }, "facts.covered_by", "unknown_codes", /not on the list: epfo/],
    ["a list that is not a list", { country: "ke", facts: { covered_by: { length: 2000000000 } } }, "facts.covered_by", "not_a_list", /tick/i],
    ["impossible date", { country: "ke", date: "2025-02-30", facts: {} }, "date", "custom", /real date/],
    ["impossible birth date", { country: "ke", facts: { birth_date: "1980-13-01" } }, "facts.birth_date", "not_a_date", /real date/],
    ["birth after the date", { country: "ke", date: "2025-01-01", facts: { birth_date: "2026-01-01" } }, "facts.birth_date", "birth_after_date", /after 2025-01-01/],
    ["age contradicting birth date", { country: "ke", date: "2025-01-01", facts: { birth_date: "1980-01-01", age: 30 } }, "facts.age", "age_birth_mismatch", /\(30\).*\(1980-01-01\) do not agree/],
    ["unknown top-level field", { country: "ke", facts: {}, name: "Achieng" }, "name", "unknown_field", /unknown field/],
    ["bad language code", { country: "ke", lang: "Swahili", facts: {} }, "lang", "invalid_format", /language code/],
  ];

  it.each(cases)("%s", async (_name, body, path, code, message) => {
    const r = await check(body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    const issue = r.body.error.issues.find((i: any) => i.path === path);
    expect(issue, JSON.stringify(r.body.error.issues)).toBeDefined();
    expect(issue.code).toBe(code);
    expect(issue.message).toMatch(message);
  });

  it("renders fact issues in the requested language, with the code and its parameters", async () => {
    const r = await check({ country: "ke", lang: "sw", facts: { age: 200 } });
    expect(r.body.error.issues).toEqual([{ path: "facts.age", code: "too_large", params: { max: 130 }, message: "Namba lazima isizidi 130." }]);
  });

  it("caps the issues and lists the country's facts once, however many unknown facts are sent", async () => {
    const facts = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`unknown_fact_${i}`, 1]));
    const r = await check({ country: "ke", facts });
    expect(r.status).toBe(400);
    expect(r.body.error.issues.length).toBe(21);
    expect(r.body.error.issues[20]).toMatchObject({ code: "too_many_issues", params: { count: 3000 } });
    expect(r.body.error.known_facts).toContain("monthly_income");
    expect(JSON.stringify(r.body).length).toBeLessThan(8000);
  });

  it("rejects malformed JSON with the envelope", async () => {
    const r = await check("{not json");
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
  });

  it("accepts null as a declined answer", async () => {
    const r = await check({ country: "ke", date: "2025-06-01", facts: { age: null, monthly_income: null } });
    expect(r.status).toBe(200);
  });
});

describe("POST /api/counts (the anonymous count of a check made on her phone)", () => {
  it("counts each scheme's status on the server's date, and stores nothing else", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const row = () => env.DB.prepare("SELECT count FROM scheme_result_counts WHERE day = ? AND country = 'ke' AND scheme = 'sha' AND status = 'eligible'").bind(today).first<{ count: number }>();
    const before = (await row())?.count ?? 0;
    const r = await postJson("/api/counts", { country: "ke", results: [{ scheme: "sha", status: "eligible" }, { scheme: "inua_jamii_opct", status: "not_eligible" }] });
    expect(r.status).toBe(204);
    expect((await row())!.count).toBe(before + 1);
  });

  it.each([
    ["a scheme not in force today", { country: "ke", results: [{ scheme: "nhif", status: "eligible" }] }, "results.0.scheme"],
    ["an unknown scheme", { country: "ke", results: [{ scheme: "toString", status: "eligible" }] }, "results.0.scheme"],
    ["a scheme twice", { country: "ke", results: [{ scheme: "sha", status: "eligible" }, { scheme: "sha", status: "eligible" }] }, "results.1.scheme"],
    ["an unknown status", { country: "ke", results: [{ scheme: "sha", status: "yes" }] }, "results.0.status"],
    ["facts smuggled in", { country: "ke", results: [], facts: { age: 45 } }, "facts"],
    ["an unknown country", { country: "zz", results: [] }, "country"],
  ])("refuses %s with a 400 naming the field", async (_name, body, path) => {
    const r = await postJson("/api/counts", body);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: any) => i.path)).toContain(path);
  });
});
