import { describe, expect, it } from "vitest";
import { PACKS } from "../../src/rules/generated/index";
import { call } from "../helpers/http";

describe("GET /api/policy-matrix", () => {
  it("answers every country's rows as JSON, from the bundled packs", async () => {
    const r = await call("/api/policy-matrix?date=2025-06-01");
    expect(r.status).toBe(200);
    expect(r.body.date).toBe("2025-06-01");
    expect(new Set(r.body.rows.map((x: any) => x.country))).toEqual(new Set(Object.keys(PACKS)));
    const sha = r.body.rows.find((x: any) => x.scheme === "sha");
    // Every resident must register for SHA: the means test sets what she pays, not whether she can join.
    expect(sha).toMatchObject({ category: "health_insurance", self_employed: "yes", homeworker: "yes", subsidy: "partial", source_tier: "law" });
    // Punjab's Act is built on work for an employer or contractor; for the self-employed the sources do not settle it.
    const punjab = r.body.rows.find((x: any) => x.scheme === "punjab_hbw_act");
    expect(punjab).toMatchObject({ self_employed: "unsettled", homeworker: "yes" });
    // NHIF ended on 2024-09-30.
    expect(r.body.rows.some((x: any) => x.scheme === "nhif")).toBe(false);
    const before = await call("/api/policy-matrix?date=2024-09-30");
    expect(before.body.rows.some((x: any) => x.scheme === "nhif")).toBe(true);
  });

  it("answers the same rows as CSV", async () => {
    const json = await call("/api/policy-matrix?date=2025-06-01");
    const r = await call("/api/policy-matrix.csv?date=2025-06-01");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    expect(r.headers.get("content-disposition")).toContain("policy-matrix-2025-06-01.csv");
    const lines = String(r.body).trimEnd().split("\r\n");
    expect(lines[0]!.startsWith("country,category,scheme,")).toBe(true);
    expect(lines).toHaveLength(json.body.rows.length + 1);
  });

  it("rejects an impossible date", async () => {
    const r = await call("/api/policy-matrix.csv?date=2025-02-30");
    expect(r.status).toBe(400);
    expect(r.body.error.issues[0].path).toBe("date");
  });
});
