/** The interview's words: complete in every language, chosen per language, English where a text is missing. */
import { describe, expect, it } from "vitest";
import { BASE_FACTS } from "../../src/engine/vocabulary";
import { issueText, ISSUE_CODES, questionFor } from "../../src/interview";
import "../../src/interview/wording/all";
import en from "../../src/interview/wording/en";
import { WORDING_LANGS } from "../../src/interview/wording/all";
import { PACKS } from "../../src/rules/generated/index";

const files = await Promise.all(WORDING_LANGS.map(async (l) => [l, (await import(`../../src/interview/wording/${l}.ts`)).default] as const));

describe.each(files)("%s", (lang, w) => {
  it("has a question for every fact a member is asked, a name for every choice and a sentence for every issue", () => {
    for (const f of BASE_FACTS) expect(w.questions[f.name], `${lang} question ${f.name}`).toBeTruthy();
    for (const [fact, values] of Object.entries(en.options)) for (const v of Object.keys(values)) expect(w.options[fact]?.[v], `${lang} option ${fact}.${v}`).toBeTruthy();
    for (const code of ISSUE_CODES) expect(w.issues[code], `${lang} issue ${code}`).toBeTruthy();
  });

  it("asks questions (not statements)", () => {
    const notQuestion = BASE_FACTS.filter((f) => f.name !== "covered_by" && !/[?？؟]|\?$/.test(w.questions[f.name] ?? "")).map((f) => f.name);
    expect(notQuestion).toEqual([]);
  });
});

describe("choosing words", () => {
  it("gives the question, choices and issues in her language", () => {
    const q = questionFor(PACKS.ke!, "worker_type", "sw")!;
    expect(q.label).toBe("Unafanya kazi ya aina gani?");
    expect(q.choices.find((c) => c.value === "homeworker")!.label).toMatch(/kila kipande/);
    expect(issueText({ code: "too_small", params: { min: 0 } }, "ur")).toBe("عدد کم از کم 0 ہونا چاہیے۔");
  });

  it("falls back to English for a language it lacks, and to the pack's wording for a country's own fact", () => {
    expect(questionFor(PACKS.ke!, "age", "xx")!.label).toBe("How old are you?");
    expect(questionFor(PACKS.ke!, "household_severe_disability", "sw")!.label).toMatch(/\?$/);
  });

  it("names the identity document the country's rules mean, by its local name", () => {
    expect(questionFor(PACKS.in!, "has_national_id", "en")!.label).toBe("Do you have your Aadhaar number (Aadhaar card)?");
    expect(questionFor(PACKS.in!, "has_national_id", "hi")!.label).toContain("आधार");
    expect(questionFor(PACKS.pk!, "has_national_id", "ur")!.label).toContain("شناختی کارڈ");
  });

  it("offers only schemes in force on the date as memberships she may already have", () => {
    const choices = questionFor(PACKS.ke!, "covered_by", "en", "2025-06-01")!.choices.map((c) => c.value);
    expect(choices).toContain("sha");
    expect(choices).not.toContain("nhif");
    expect(choices).not.toContain("linda_mama");
  });
});
