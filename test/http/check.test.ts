import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { check } from "../helpers/http";

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

  it("counts the check in D1 per day, country, scheme and status, with no facts", async () => {
    const date = "2031-01-02";
    await check({ country: "ke", date, facts: { age: 45 } });
    await check({ country: "ke", date, facts: { age: 45 } });
    const daily: any = await env.DB.prepare("SELECT checks FROM daily_checks WHERE day = ? AND country = 'ke'").bind(date).first();
    expect(daily.checks).toBe(2);
    const row = await env.DB.prepare("SELECT count FROM scheme_result_counts WHERE day = ? AND scheme = 'inua_jamii_opct' AND status = 'not_eligible'").bind(date).first();
    expect(row).toEqual({ count: 2 });
    const columns = await env.DB.prepare("SELECT name FROM pragma_table_info('scheme_result_counts')").all();
    expect(columns.results.map((c: any) => c.name)).toEqual(["day", "country", "scheme", "status", "count"]);
  });
});

describe("bad input to POST /api/check gets a 400 naming the field", () => {
  const cases: [string, unknown, string, RegExp][] = [
    ["unknown country", { country: "xx", facts: {} }, "country", /unknown country "xx"; rules exist for: .*ke/],
    ["malformed country", { country: "kenya", facts: {} }, "country", /two-letter/],
    ["missing facts", { country: "ke" }, "facts", /required/],
    ["facts not an object", { country: "ke", facts: [1] }, "facts", /.+/],
    ["unknown fact", { country: "ke", facts: { shoe_size: 40 } }, "facts.shoe_size", /unknown fact "shoe_size"/],
    ["wrong type", { country: "ke", facts: { age: "forty" } }, "facts.age", /must be a number/],
    ["negative income", { country: "ke", facts: { monthly_income: -5 } }, "facts.monthly_income", /at least 0/],
    ["fractional age", { country: "ke", facts: { age: 40.5 } }, "facts.age", /whole number/],
    ["unknown enum value", { country: "ke", facts: { worker_type: "tailor" } }, "facts.worker_type", /not one of: self_employed/],
    ["unknown region", { country: "ke", facts: { region: "atlantis" } }, "facts.region", /not one of/],
    ["unknown programme", { country: "ke", facts: { covered_by: ["epfo"] } }, "facts.covered_by", /unknown code "epfo"/],
    ["impossible date", { country: "ke", date: "2025-02-30", facts: {} }, "date", /real date/],
    ["impossible birth date", { country: "ke", facts: { birth_date: "1980-13-01" } }, "facts.birth_date", /real date/],
    ["birth after the date", { country: "ke", date: "2025-01-01", facts: { birth_date: "2026-01-01" } }, "facts.birth_date", /after the evaluation date/],
    ["age contradicting birth date", { country: "ke", date: "2025-01-01", facts: { birth_date: "1980-01-01", age: 30 } }, "facts.age", /birth_date 1980-01-01 gives 45/],
    ["unknown top-level field", { country: "ke", facts: {}, name: "Achieng" }, "name", /unknown field/],
    ["bad language code", { country: "ke", lang: "Swahili", facts: {} }, "lang", /language code/],
  ];

  it.each(cases)("%s", async (_name, body, path, message) => {
    const r = await check(body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("invalid_request");
    const issue = r.body.error.issues.find((i: any) => i.path === path);
    expect(issue, JSON.stringify(r.body.error.issues)).toBeDefined();
    expect(issue.message).toMatch(message);
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
