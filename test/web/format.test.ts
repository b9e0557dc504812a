/** Numbers, money and dates in the member's locale (Node's ICU, like the browser's). */
import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, formatNumber } from "../../web/src/ui/format";

describe("formatting for the member's locale", () => {
  it("writes money with the country's currency", () => {
    expect(formatMoney(9000, "KES", "sw-KE")).toMatch(/9,000/);
    expect(formatMoney(9000, "KES", "sw-KE")).toMatch(/Ksh|KES/);
    expect(formatMoney(12000, "INR", "hi-IN")).toMatch(/₹/);
  });

  it("writes digits and dates as the language does", () => {
    expect(formatNumber(12000, "bn-BD")).toBe("১২,০০০");
    expect(formatDate("2025-06-01", "en-KE")).toMatch(/2025/);
    expect(formatDate("2025-06-01", "th-TH")).toMatch(/2568/);
  });

  it("falls back to plain text for a locale the runtime lacks", () => {
    expect(formatMoney(5, "XXX-not-a-currency", "en")).toBe("XXX-not-a-currency 5");
  });
});
