/**
 * The benchmark's hand-coded baseline for bulk mode: the 20 schemes of scripts/bench/pack20.ts (the same tests as
 * scripts/bench/handwritten20.ts, thresholds inlined) giving what `evaluateBulk` gives, per scheme a status code
 * and the failed criteria as bits, into typed arrays reused across members. No reasons, no unknowns (it assumes a
 * complete profile, like the other hand-written baseline). The benchmark checks it agrees with our engine.
 */
import { STATUSES } from "../../src/engine/enums";
import type { Profile } from "./handwritten20";

const ELIGIBLE = STATUSES.indexOf("eligible");
const NOT_ELIGIBLE = STATUSES.indexOf("not_eligible");

/** The failed bits of five criteria, in order. */
function bits(a: boolean, b: boolean, c: boolean, d: boolean, e: boolean): number {
  return (a ? 0 : 1) | (b ? 0 : 2) | (c ? 0 : 4) | (d ? 0 : 8) | (e ? 0 : 16);
}

/** Fills `status` and `failed` (20 schemes, in the pack's order) for one member. */
export function evaluateHandwrittenBulk(f: Profile, status: Uint8Array, failed: Uint32Array): void {
  const age = f.age;
  const rs = f.residency_status;
  const wt = f.worker_type;
  const inc = f.monthly_income;
  const cov = f.covered_by;
  const citizen = rs === "citizen";
  const m = failed;
  m[0] = bits(age >= 18, citizen || rs === "resident", wt === "self_employed" || wt === "homeworker" || wt === "unpaid_family_worker", inc <= 50000, !cov.includes("employer_health") && !cov.includes("private_insurance"));
  m[1] = bits(age >= 18 && age <= 60, citizen, wt === "self_employed" || wt === "homeworker" || wt === "other", !f.receives_pension, !cov.includes("employer_pension") && !cov.includes("civil_service_pension"));
  m[2] = bits(age >= 70, citizen, !f.receives_pension, !cov.includes("ct_ovc") && !cov.includes("pwsd_ct") && !cov.includes("hsnp"), f.has_national_id);
  m[3] = bits(f.has_disability, citizen || rs === "refugee", f.in_poverty_registry, !cov.includes("old_age_grant") && !cov.includes("hsnp") && !cov.includes("ct_ovc"), age <= 69);
  m[4] = bits(f.sex === "female", f.is_pregnant, age >= 15 && age <= 49, inc <= 30000, citizen || rs === "resident");
  m[5] = bits(f.household_size >= 3, f.in_poverty_registry || inc <= 10000, citizen, age >= 18, !cov.includes("ct_ovc"));
  m[6] = bits(wt === "self_employed" || wt === "homeworker", age >= 18, age <= 65, f.has_national_id, inc >= 3000);
  m[7] = bits(wt === "homeworker", age >= 16, rs !== "other", f.has_bank_account, !cov.includes("employer_health") && !cov.includes("employer_pension"));
  m[8] = bits(!f.income_tax_payer, age >= 30 && age <= 59, inc <= 25000, !f.receives_pension, citizen);
  m[9] = bits(
    f.region === "turkana" || f.region === "marsabit" || f.region === "mandera" || f.region === "wajir",
    f.in_poverty_registry,
    f.household_size >= 2,
    !cov.includes("old_age_grant") && !cov.includes("disability_grant") && !cov.includes("hsnp"),
    citizen || rs === "refugee",
  );
  m[10] = bits(f.sex === "female", f.is_pregnant || f.household_size >= 4, inc <= 20000, age <= 45, f.in_poverty_registry);
  m[11] = bits(age >= 18, age <= 35, wt === "self_employed" || wt === "unpaid_family_worker", citizen, f.has_national_id);
  m[12] = bits(age >= 60, !cov.includes("employer_health") && !cov.includes("private_insurance"), citizen, inc <= 15000, !f.receives_pension);
  m[13] = bits(wt === "self_employed" || wt === "homeworker" || wt === "unpaid_family_worker" || wt === "other", inc >= 2000, inc <= 40000, age <= 55, f.has_bank_account);
  m[14] = bits(f.has_disability, !cov.includes("private_insurance"), rs !== "other", f.in_poverty_registry || inc <= 20000, !f.income_tax_payer);
  m[15] = bits(age >= 16, wt !== "employee" || inc <= 30000, citizen || rs === "resident" || rs === "refugee", !cov.includes("employer_health"), f.has_national_id);
  m[16] = bits(wt !== "employee", age >= 18 && age <= 64, !f.receives_pension, !f.income_tax_payer, citizen);
  m[17] = bits(rs === "refugee", !cov.includes("employer_health") && !cov.includes("private_insurance"), inc <= 20000, age >= 18, f.has_bank_account);
  m[18] = bits(age >= 16 && age <= 30, wt === "unpaid_family_worker" || wt === "homeworker" || wt === "other", inc <= 8000, citizen, f.has_national_id);
  m[19] = bits(age >= 18, age <= 75, f.has_bank_account, !cov.includes("private_insurance"), inc >= 1000);
  for (let i = 0; i < 20; i++) status[i] = m[i] === 0 ? ELIGIBLE : NOT_ELIGIBLE;
}
