/**
 * Member-facing content joined to results: what she pays at her age, her province's texts instead of every
 * province's once her province is known, the general text while it is not, and nothing meant for other members.
 */
import { describe, expect, it } from "vitest";
import { compilePack } from "../../src/engine";
import type { Facts, Pack } from "../../src/engine/types";
import { presentResults } from "../../src/present/content";
import { PACKS } from "../../src/rules/generated/index";
import { errorsOf, COUNTRY_YAML, scheme, ADULTS_ONLY, packOf } from "../helpers/pack";

/** A one-version scheme file with `extra` fields; a summary in `extra` replaces the helper's one-line summary. */
function schemeWith(id: string, extra: string): string {
  const text = scheme(id, ADULTS_ONLY, extra);
  return extra.includes("\nsummary:") ? text.replace("summary: A scheme.\n", "") : text;
}

/** The presented result of one scheme for a member, on a date, in a language. */
function present(pack: Pack, id: string, facts: Record<string, unknown>, date: string, lang = "en") {
  const evaluation = compilePack(pack).evaluate(facts as Facts, { date, lang });
  return presentResults(pack, evaluation, facts as Facts).find((r) => r.scheme === id)!;
}

const india = PACKS.in!;
const pmSym = (facts: Record<string, unknown>) => present(india, "pm_sym", facts, "2025-06-01").contributions.map((c) => c.text);
const apy = (facts: Record<string, unknown>, lang = "en") => present(india, "apy", facts, "2025-06-01", lang).contributions.map((c) => c.text);

describe("contributions for her", () => {
  it("shows what she pays at her age, from the age-wise chart, and only that line of it", () => {
    const at29 = pmSym({ age: 29 });
    expect(at29).toContain("At your age (29) you pay Rs 100 a month until you are 60, and the government adds Rs 100.");
    expect(at29.filter((t) => t.startsWith("At your age"))).toHaveLength(1);
    expect(pmSym({ age: 38 })).toContain("At your age (38) you pay Rs 180 a month until you are 60, and the government adds Rs 180.");
  });

  it("shows only the general lines when her age is not known", () => {
    expect(pmSym({}).some((t) => t.startsWith("At your age"))).toBe(false);
    expect(pmSym({}).length).toBeGreaterThan(0);
  });

  it("shows what APY costs at her age for each pension she may choose (the 2015 notification's chart)", () => {
    const at29 = apy({ age: 29 });
    expect(at29).toContain(
      "At your age (29) you pay every month until you are 60: Rs 106 for a pension of Rs 1,000 a month, Rs 212 for Rs 2,000, Rs 318 for Rs 3,000, Rs 423 for Rs 4,000 or Rs 529 for Rs 5,000.",
    );
    expect(at29.filter((t) => t.startsWith("At your age"))).toHaveLength(1);
    // The ends of the chart, and a birth date rather than an age.
    expect(apy({ age: 18 }).join(" ")).toContain("Rs 42 for a pension of Rs 1,000 a month");
    expect(apy({ age: 40 }).join(" ")).toContain("Rs 1,454 for Rs 5,000");
    expect(apy({ birth_date: "1990-06-01" }).join(" ")).toContain("At your age (35) you pay every month until you are 60: Rs 181");
    expect(apy({ age: 35 }, "hi").join(" ")).toContain("आपकी उम्र (35) में आप 60 साल तक हर महीने देती हैं: 1,000 रुपये महीने की पेंशन के लिए 181 रुपये");
    // Outside the joining ages, and when her age is not known, no line of the chart.
    expect(apy({ age: 41 }).some((t) => t.startsWith("At your age"))).toBe(false);
    expect(apy({}).some((t) => t.startsWith("At your age"))).toBe(false);
  });

  it("refuses a contribution whose condition reads an unknown fact", () => {
    const bad = ADULTS_ONLY.replace("    criteria:", "    contributions:\n      - { amount: 5, period: month, text: x, when: { fact: shoe_size, op: eq, value: 1 } }\n    criteria:");
    const errs = errorsOf({ "country.yaml": COUNTRY_YAML, "schemes/s.yaml": scheme("s", bad), "schemes/s.test.yaml": "- { name: v, date: 2025-01-01, facts: {}, expect: { s: needs_info } }\n" });
    expect(errs.join("\n")).toContain('contributions[0].when.fact: unknown fact "shoe_size"');
  });
});

describe("texts for her province (Pakistan's Sehat Card)", () => {
  const pakistan = PACKS.pk!;
  const sehat = (facts: Record<string, unknown>, lang = "en") => present(pakistan, "sehat_card", facts, "2026-06-01", lang);
  const text = (r: ReturnType<typeof sehat>) => [r.summary, ...r.benefits].join("\n");
  const OTHER_AREAS = /Sindh|Tharparkar|Kashmir|Gilgit|Khyber|Balochistan|Islamabad/;

  it("shows the general text about every province while her province is not known", () => {
    const r = sehat({ residency_status: "citizen" });
    expect(r.summary).toContain("Sindh did not join; there only Tharparkar district is covered.");
    expect(r.benefits.join(" ")).toContain("Rs 1 million a year in Khyber Pakhtunkhwa, Punjab (2022) and Balochistan, and Rs 720,000 a year on the federal card (2021)");
    // A member who declined to say is treated the same; one who said reads another text.
    expect(sehat({ residency_status: "citizen", region: null }).summary).toBe(r.summary);
    expect(sehat({ residency_status: "citizen", region: "punjab" }).summary).not.toBe(r.summary);
  });

  it("shows a Punjab member only Punjab's summary and yearly limit, with its year", () => {
    const r = sehat({ residency_status: "citizen", region: "punjab", in_poverty_registry: true });
    expect(r.summary).toContain("CNIC address in Punjab");
    expect(r.benefits).toContain("There is a yearly limit for each family. In Punjab the announced limit was Rs 1 million a year (2022). Ask the Sehat Card desk at the hospital what your limit is now.");
    expect(text(r)).not.toMatch(OTHER_AREAS);
    // The same in Urdu: no Sindh, Tharparkar, Kashmir or Gilgit-Baltistan.
    const ur = sehat({ residency_status: "citizen", region: "punjab", in_poverty_registry: true }, "ur");
    expect(ur.benefits.join(" ")).toContain("پنجاب میں اعلان کردہ حد سالانہ 10 لاکھ روپے تھی (2022)");
    expect(text(ur)).not.toMatch(/سندھ|تھرپارکر|کشمیر|گلگت/);
  });

  it("gives each province its own limit, and a Sindh member no other province's", () => {
    expect(sehat({ residency_status: "citizen", region: "khyber_pakhtunkhwa" }).benefits.join(" ")).toContain("In Khyber Pakhtunkhwa the announced limit was Rs 1 million a year (2021).");
    expect(sehat({ residency_status: "citizen", region: "balochistan" }).benefits.join(" ")).toContain("In Balochistan the announced limit was Rs 1 million a year (2023).");
    expect(sehat({ residency_status: "citizen", region: "gilgit_baltistan" }).benefits.join(" ")).toContain("On the federal card the announced limit was Rs 720,000 a year (2021).");
    const sindh = sehat({ residency_status: "citizen", region: "sindh", tharparkar_address: true });
    expect(sindh.summary).toContain("only families whose CNIC address is in Tharparkar district are covered");
    expect(text(sindh)).not.toMatch(/Punjab|Khyber|Balochistan|Kashmir|Gilgit/);
  });
});

describe("texts for some members only", () => {
  it("drops a benefit meant for other members, and keeps it for the members it is for (Nepal)", () => {
    const nepal = PACKS.np!;
    const senior = (facts: Record<string, unknown>) => present(nepal, "senior_citizen_allowance", facts, "2025-06-01");
    const elsewhere = senior({ age: 75, region: "bagmati", is_dalit: false, residency_status: "citizen" });
    expect([elsewhere.summary, ...elsewhere.benefits].join(" ")).not.toMatch(/Humla|Jumla|Dolpa/);
    expect(elsewhere.summary).toContain("It starts at 68 (70 for new applicants from July 2025), and at 60 for Dalit citizens.");
    expect(senior({ age: 75, region: "bagmati", is_dalit: true }).benefits.join(" ")).toContain("Rs 2,660 every month from 60");
    expect(senior({ age: 62, region: "karnali_former_zone" }).summary).toContain("In Humla, Jumla, Kalikot, Mugu and Dolpa, where you live, it starts at 60.");
    // While it is not settled, she sees it: it may be for her.
    expect(senior({ age: 75 }).benefits.join(" ")).toContain("Rs 2,660 every month from 60");
  });

  it("puts pregnancy and birth first on JKN for a pregnant member, in Indonesian; drops it when she is not pregnant", () => {
    const indonesia = PACKS.id!;
    const jkn = (facts: Record<string, unknown>, lang = "id") => present(indonesia, "jkn", facts, "2026-06-01", lang);
    const pregnant = jkn({ residency_status: "citizen", is_pregnant: true });
    expect(pregnant.summary).toContain("JKN membiayai pemeriksaan kehamilan, persalinan, dan pemeriksaan sesudah melahirkan.");
    expect(pregnant.benefits[0]).toMatch(/^Kehamilan dan persalinan: pemeriksaan kehamilan di Puskesmas/);
    expect(pregnant.also_covers).toEqual(["maternity"]);
    const not = jkn({ residency_status: "citizen", is_pregnant: false });
    expect(not.benefits.join(" ")).not.toContain("Kehamilan dan persalinan");
    expect(not.summary).not.toContain("pemeriksaan kehamilan");
    // Not yet asked: the benefit stays (she may need it), the summary is the general one.
    const unknown = jkn({ residency_status: "citizen" }, "en");
    expect(unknown.benefits[0]).toMatch(/^Pregnancy and birth:/);
    expect(unknown.summary).not.toContain("pregnancy");
  });

  it("asks an Indonesian member whether she is pregnant, once, after every eligibility question", () => {
    const indonesia = compilePack(PACKS.id!);
    const her: Record<string, unknown> = { age: 27, residency_status: "citizen", worker_type: "homeworker", in_poverty_registry: false, household_size: 4, monthly_income: 2_500_000, is_pregnant: true };
    const facts: Record<string, unknown> = {};
    const asked: string[] = [];
    for (let next = indonesia.evaluate({}, { date: "2026-06-01" }).next_question; next; next = indonesia.evaluate(facts as Facts, { date: "2026-06-01" }).next_question) {
      asked.push(next.fact);
      facts[next.fact] = next.fact in her ? her[next.fact] : null;
      expect(asked.length).toBeLessThan(20);
    }
    expect(asked.at(-1)).toBe("is_pregnant");
    expect(asked.filter((f) => f === "is_pregnant")).toHaveLength(1);
  });

  it("shows the first variant her answers pass, and the general text when one before it is unsettled or none fits", () => {
    const p = packOf({
      s: schemeWith(
        "s",
        `
summary:
  text: General summary.
  variants:
    - { when: { fact: region, op: eq, value: north }, text: North summary. }
benefits:
  - text: General limit.
    variants:
      - { when: { fact: worker_type, op: eq, value: homeworker }, text: Homeworker limit. }
      - { when: { fact: region, op: eq, value: north }, text: North limit. }
  - { text: Only in the south., when: { fact: region, op: eq, value: south } }
documents:
  - Your ID.
`,
      ),
    });
    const shown = (facts: Record<string, unknown>) => {
      const r = present(p, "s", facts, "2025-06-01");
      return [r.summary, ...r.benefits, ...r.documents];
    };
    expect(shown({ region: "north", worker_type: "homeworker" })).toEqual(["North summary.", "Homeworker limit.", "Your ID."]);
    expect(shown({ region: "north", worker_type: "self_employed" })).toEqual(["North summary.", "North limit.", "Your ID."]);
    // Her work is not known: the homeworker variant might be hers, so the general text, not the north one.
    expect(shown({ region: "north" })).toEqual(["North summary.", "General limit.", "Your ID."]);
    expect(shown({ region: "south", worker_type: "self_employed" })).toEqual(["General summary.", "General limit.", "Only in the south.", "Your ID."]);
    expect(shown({})).toEqual(["General summary.", "General limit.", "Only in the south.", "Your ID."]);
    // Without her facts (the API's open data, a share text), the general texts.
    const evaluation = compilePack(p).evaluate({}, { date: "2025-06-01" });
    expect(presentResults(p, evaluation)[0]!.benefits).toEqual(["General limit.", "Only in the south."]);
  });
});

describe("rule files with texts for some members", () => {
  const errs = (extra: string) =>
    errorsOf({
      "country.yaml": COUNTRY_YAML,
      "schemes/s.yaml": schemeWith("s", extra),
      "schemes/s.test.yaml": "- { name: v, date: 2025-01-01, facts: {}, expect: { s: needs_info } }\n",
    }).join("\n");

  it("refuses a benefit whose condition reads an unknown fact, naming where", () => {
    expect(errs("\nbenefits:\n  - { text: x, when: { fact: shoe_size, op: eq, value: 1 } }\n")).toContain('benefits[0].when.fact: unknown fact "shoe_size"');
    expect(errs("\ndocuments:\n  - { text: x, variants: [{ when: { fact: region, op: eq, value: east }, text: y }] }\n")).toContain(
      'documents[0].variants[0].when.value: "east" is not a value of region (north, south)',
    );
  });

  it("refuses ask: without the when: whose facts it asks", () => {
    expect(errs("\nbenefits:\n  - { text: x, ask: true, variants: [{ when: { fact: region, op: eq, value: north }, text: y }] }\n")).toContain(
      "benefits[0]: ask: goes with a when:",
    );
  });

  it("refuses a summary variant that reads a parameter, and a text: without when: or variants:", () => {
    expect(errs("\nsummary:\n  text: x\n  variants:\n    - { when: { fact: age, op: gte, param: min_age }, text: y }\n")).toContain(
      "summary.variants[0].when: a summary is the same in every version: compare with value:, not param:",
    );
    expect(errs("\nbenefits:\n  - { text: x }\n")).toContain("benefits[0]: give when: (who the text is for) or variants:");
  });
});
