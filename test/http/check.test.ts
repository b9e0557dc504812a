import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

async function check(body: unknown) {
  const res = await SELF.fetch("http://example.com/api/check", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any, headers: res.headers };
}

describe("POST /api/check", () => {
  it("answers each scheme's status with reasons in the requested language", async () => {
    const r = await check({ country: "KE", date: "2025-06-01", lang: "sw", facts: { age: 45 } });
    expect(r.status).toBe(200);
    const inua = r.body.results.find((x: any) => x.scheme === "inua_jamii_opct");
    expect(inua.status).toBe("not_eligible");
    expect(inua.criteria[0].reason).toBe("Una miaka 45; mpango huanza katika umri wa miaka 70.");
  });
});
