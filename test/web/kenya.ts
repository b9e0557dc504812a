/** The member the Kenyan page tests follow: a 45-year-old self-employed tailor in Kisumu, checking in Kiswahili. */
import type { Page } from "playwright-core";
import { baseUrl } from "./browser";

export const tailor = {
  age: 45,
  worker_type: "self_employed",
  residency_status: "citizen",
  region: "kisumu",
  covered_by: [] as string[],
  receives_pension: false,
  in_poverty_registry: false,
  income_tax_payer: false,
  has_national_id: true,
  sex: "female",
  is_pregnant: false,
  has_disability: false,
  household_severe_disability: false,
  monthly_income: 9000,
  cares_for_orphan_or_vulnerable_child: false,
};

/** From the first page, Kenya in Kiswahili, until the first question shows. */
export async function startSwahili(page: Page) {
  await page.goto(`${baseUrl()}/`);
  await page.locator('a[hreflang="sw"][href*="country=ke"]').click();
  await page.locator("main form.question").waitFor();
}
