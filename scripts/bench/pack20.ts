/**
 * A fixed, fictional 20-scheme rule pack for the engine benchmark (scripts/bench-engine.ts). It is shaped like the
 * real packs (age ranges, income ceilings, kinds of work, residency, other cover, pension and tax flags; reasons
 * with {value} and parameter placeholders in English and Swahili; sourced parameters) but never changes, so figures
 * from different days compare. Every criterion has a test and every parameter is confirmed: on a complete profile
 * each scheme is either `eligible` or `not_eligible`. scripts/bench/handwritten20.ts hand-codes exactly this pack.
 */
import type { Pack } from "../../src/engine/types";

export const pack20: Pack = {
  hash: "bench20-v1",
  country: {
    code: "zz",
    name: { en: "Benchland (fictional, for benchmarks)", sw: "Benchland (nchi ya kubuni, kwa vipimo)" },
    currency: "KES",
    languages: ["en", "sw"],
    id_documents: [{ id: "national_id", name: { en: "National ID card", sw: "Kitambulisho cha Taifa" } }],
    poverty_registry: { name: { en: "Single Registry", sw: "Sajili Moja" } },
    external_programmes: [
      { code: "employer_pension", name: { en: "Pension through an employer", sw: "Pensheni kupitia mwajiri" } },
      { code: "civil_service_pension", name: { en: "Civil service pension", sw: "Pensheni ya watumishi wa umma" } },
      { code: "employer_health", name: { en: "Health cover through an employer", sw: "Bima ya afya kupitia mwajiri" } },
      { code: "private_insurance", name: { en: "Private health insurance", sw: "Bima ya afya ya kibinafsi" } },
      { code: "ct_ovc", name: { en: "Cash transfer for orphans", sw: "Pesa kwa yatima" } },
      { code: "pwsd_ct", name: { en: "Cash transfer for persons with severe disabilities", sw: "Pesa kwa watu wenye ulemavu mkubwa" } },
      { code: "hsnp", name: { en: "Hunger Safety Net Programme", sw: "Mpango wa Kinga dhidi ya Njaa" } },
    ],
    regions: [
      { code: "nairobi", name: { en: "Nairobi" } },
      { code: "mombasa", name: { en: "Mombasa" } },
      { code: "kisumu", name: { en: "Kisumu" } },
      { code: "kisii", name: { en: "Kisii" } },
      { code: "turkana", name: { en: "Turkana" } },
      { code: "marsabit", name: { en: "Marsabit" } },
      { code: "mandera", name: { en: "Mandera" } },
      { code: "wajir", name: { en: "Wajir" } },
    ],
    facts: [],
    needs_review: ["sw"],
  },
  schemes: [
    // 1. Health cover for informal workers: age floor, residency, kind of work, income ceiling, no other cover.
    {
      id: "health_informal",
      category: "health_insurance",
      name: { en: "Informal Sector Health Cover", sw: "Bima ya Afya ya Sekta Isiyo Rasmi" },
      administering_body: { en: "Health Insurance Authority", sw: "Mamlaka ya Bima ya Afya" },
      summary: { en: "Health insurance for people who work for themselves or at home.", sw: "Bima ya afya kwa watu wanaojiajiri au wanaofanya kazi nyumbani." },
      sources: [{ id: "hi_act", title: "Health Insurance Act 2023", url: "https://example.org/bench/hi-act", date: "2023-10-01", tier: "law" }],
      versions: [
        {
          rule_version: "zz/health_informal@2024-01-01",          hash: "zz/health_informal@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["hi_act"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["hi_act"], unconfirmed: false },
            max_income: { value: 50000, unit: "KES", sources: ["hi_act"], unconfirmed: false },
            eligible_work: { value: ["self_employed", "homeworker", "unpaid_family_worker"], sources: ["hi_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "age",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}, old enough to join (from {min_age}).", sw: "Una miaka {value}, umetimiza umri wa kujiunga (kuanzia {min_age})." },
                fail: { en: "You are {value}; members must be at least {min_age}.", sw: "Una miaka {value}; wanachama lazima wawe na angalau miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "resident",
              test: { fact: "residency_status", op: "in", value: ["citizen", "resident"] },
              reason: {
                pass: { en: "You are a citizen or a resident.", sw: "Wewe ni raia au mkazi." },
                fail: { en: "Only citizens and residents can join.", sw: "Raia na wakazi pekee wanaweza kujiunga." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "informal_work",
              test: { fact: "worker_type", op: "in", param: "eligible_work" },
              reason: {
                pass: { en: "Your kind of work ({value}) is covered.", sw: "Aina yako ya kazi ({value}) inahusika." },
                fail: { en: "The cover is for informal workers, not {value}.", sw: "Bima hii ni ya wafanyakazi wa sekta isiyo rasmi, si {value}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is within the limit of KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yako ndani ya kikomo cha KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above the limit of KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi kikomo cha KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_other_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_health", "private_insurance"] },
              reason: {
                pass: { en: "You have no other health cover.", sw: "Huna bima nyingine ya afya." },
                fail: { en: "You already have health cover through an employer or an insurer.", sw: "Tayari una bima ya afya kupitia mwajiri au kampuni ya bima." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 500, period: "month", text: { en: "KSh 500 a month.", sw: "KSh 500 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Outpatient and inpatient care at listed facilities.", sw: "Matibabu ya nje na ya kulazwa katika vituo vilivyoorodheshwa." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "ussd", value: "*147#", text: { en: "Dial *147# and follow the steps.", sw: "Piga *147# na ufuate hatua." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 2. Micro-pension: an age range in one criterion (all of gte/lte), citizen, kind of work, no pension, no other pension.
    {
      id: "micro_pension",
      category: "pension",
      name: { en: "Micro-Pension Savings", sw: "Akiba ya Pensheni Ndogo" },
      administering_body: { en: "Social Security Fund", sw: "Mfuko wa Hifadhi ya Jamii" },
      summary: { en: "Save small amounts for old age; the government adds a bonus.", sw: "Weka akiba kidogo kwa uzeeni; serikali inaongeza bonasi." },
      sources: [{ id: "ssf_act", title: "Social Security Fund Act 2013", url: "https://example.org/bench/ssf-act", date: "2013-12-24", tier: "law" }],
      versions: [
        {
          rule_version: "zz/micro_pension@2024-01-01",          hash: "zz/micro_pension@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["ssf_act"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["ssf_act"], unconfirmed: false },
            max_age: { value: 60, unit: "years", sources: ["ssf_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "age_range",
              test: { all: [{ fact: "age", op: "gte", param: "min_age" }, { fact: "age", op: "lte", param: "max_age" }] },
              reason: {
                pass: { en: "Your age is between {min_age} and {max_age}.", sw: "Umri wako uko kati ya miaka {min_age} na {max_age}." },
                fail: { en: "New members must be between {min_age} and {max_age} years old.", sw: "Wanachama wapya lazima wawe na umri kati ya miaka {min_age} na {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "Only citizens can open a micro-pension.", sw: "Raia pekee wanaweza kufungua pensheni ndogo." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "informal_work",
              test: { fact: "worker_type", op: "in", value: ["self_employed", "homeworker", "other"] },
              reason: {
                pass: { en: "You work for yourself or at home.", sw: "Unajiajiri au unafanya kazi nyumbani." },
                fail: { en: "Employees save through their employer instead.", sw: "Waajiriwa huweka akiba kupitia mwajiri wao." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "no_pension",
              test: { fact: "receives_pension", op: "eq", value: false },
              reason: {
                pass: { en: "You do not receive a pension.", sw: "Hupokei pensheni." },
                fail: { en: "People who already receive a pension cannot join.", sw: "Watu wanaopokea pensheni hawawezi kujiunga." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "no_other_pension",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_pension", "civil_service_pension"] },
              reason: {
                pass: { en: "You are not in another pension scheme.", sw: "Hauko katika mpango mwingine wa pensheni." },
                fail: { en: "You are already in an employer or civil service pension.", sw: "Tayari uko katika pensheni ya mwajiri au ya watumishi wa umma." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 200, period: "month", text: { en: "From KSh 200 a month.", sw: "Kuanzia KSh 200 kwa mwezi." } }],
          subsidy: { kind: "partial", sources: ["ssf_act"] },
          benefits: [{ en: "A lump sum or monthly pension from age 60.", sw: "Malipo ya mkupuo au pensheni ya kila mwezi kuanzia miaka 60." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "app", text: { en: "Register in the Fund's mobile app.", sw: "Jisajili kwenye programu ya simu ya Mfuko." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 3. Old-age grant: age floor, citizen, no pension, no other transfer, national ID.
    {
      id: "old_age_grant",
      category: "cash_transfer",
      name: { en: "Older Persons Grant", sw: "Ruzuku ya Wazee" },
      administering_body: { en: "Department of Social Protection", sw: "Idara ya Ulinzi wa Jamii" },
      summary: { en: "A monthly payment for citizens aged 70 and above with no pension.", sw: "Malipo ya kila mwezi kwa raia wenye miaka 70 au zaidi wasio na pensheni." },
      sources: [{ id: "sp_act", title: "Social Assistance Act 2013", url: "https://example.org/bench/sp-act", date: "2013-01-14", tier: "law" }],
      versions: [
        {
          rule_version: "zz/old_age_grant@2024-01-01",          hash: "zz/old_age_grant@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["sp_act"],
          parameters: {
            min_age: { value: 70, unit: "years", sources: ["sp_act"], unconfirmed: false },
            monthly_payment: { value: 2000, unit: "KES", sources: ["sp_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "age",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}: the grant is for people aged {min_age} and above.", sw: "Una miaka {value}: ruzuku ni ya watu wenye miaka {min_age} au zaidi." },
                fail: { en: "You are {value}; the grant starts at age {min_age}.", sw: "Una miaka {value}; ruzuku huanza katika umri wa miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The grant is only for citizens.", sw: "Ruzuku ni kwa raia pekee." },
              },
              sources: ["sp_act"],
              unconfirmed: false,
            },
            {
              id: "no_pension",
              test: { fact: "receives_pension", op: "eq", value: false },
              reason: {
                pass: { en: "You do not receive a pension.", sw: "Hupokei pensheni." },
                fail: { en: "People who already receive a pension cannot get the grant.", sw: "Watu wanaopokea pensheni hawawezi kupata ruzuku." },
              },
              sources: ["sp_act"],
              unconfirmed: false,
            },
            {
              id: "no_other_transfer",
              test: { fact: "covered_by", op: "includes_none", value: ["ct_ovc", "pwsd_ct", "hsnp"] },
              reason: {
                pass: { en: "You get no other government cash transfer.", sw: "Hupokei pesa nyingine za serikali." },
                fail: { en: "You already get another government cash transfer; a person can get only one.", sw: "Tayari unapokea pesa nyingine za serikali; mtu hupata mpango mmoja tu." },
              },
              sources: ["sp_act"],
              unconfirmed: false,
            },
            {
              id: "national_id",
              test: { fact: "has_national_id", op: "eq", value: true },
              reason: {
                pass: { en: "You have a national ID card.", sw: "Una kitambulisho cha taifa." },
                fail: { en: "You need a national ID card to register.", sw: "Unahitaji kitambulisho cha taifa ili kujisajili." },
              },
              sources: ["sp_act"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 2,000 every month.", sw: "KSh 2,000 kila mwezi." }],
          documents: [{ en: "Your original national ID card.", sw: "Kitambulisho chako halisi cha taifa." }],
          apply: [{ kind: "office", text: { en: "Register at the sub-county social development office.", sw: "Jisajili katika ofisi ya maendeleo ya jamii ya kaunti ndogo." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 4. Disability grant: disability, residency list, poverty registry, no other transfer, age ceiling.
    {
      id: "disability_grant",
      category: "cash_transfer",
      name: { en: "Disability Cash Transfer", sw: "Pesa kwa Watu Wenye Ulemavu" },
      administering_body: { en: "Council for Persons with Disabilities", sw: "Baraza la Watu Wenye Ulemavu" },
      summary: { en: "A monthly payment for poor households caring for a person with a disability.", sw: "Malipo ya kila mwezi kwa kaya maskini zinazomtunza mtu mwenye ulemavu." },
      sources: [{ id: "pwd_act", title: "Persons with Disabilities Act 2003", url: "https://example.org/bench/pwd-act", date: "2003-12-31", tier: "law" }],
      versions: [
        {
          rule_version: "zz/disability_grant@2024-01-01",          hash: "zz/disability_grant@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["pwd_act"],
          parameters: {
            max_age: { value: 69, unit: "years", sources: ["pwd_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "disability",
              test: { fact: "has_disability", op: "eq", value: true },
              reason: {
                pass: { en: "You have a disability.", sw: "Una ulemavu." },
                fail: { en: "The transfer is for persons with a disability.", sw: "Pesa hizi ni kwa watu wenye ulemavu." },
              },
              sources: ["pwd_act"],
              unconfirmed: false,
            },
            {
              id: "residency",
              test: { fact: "residency_status", op: "in", value: ["citizen", "refugee"] },
              reason: {
                pass: { en: "Citizens and refugees can get the transfer.", sw: "Raia na wakimbizi wanaweza kupata pesa hizi." },
                fail: { en: "Only citizens and refugees can get the transfer.", sw: "Raia na wakimbizi pekee wanaweza kupata pesa hizi." },
              },
              sources: ["pwd_act"],
              unconfirmed: false,
            },
            {
              id: "registry",
              test: { fact: "in_poverty_registry", op: "eq", value: true },
              reason: {
                pass: { en: "Your household is in the Single Registry.", sw: "Kaya yako iko katika Sajili Moja." },
                fail: { en: "Your household must be in the Single Registry.", sw: "Kaya yako lazima iwe katika Sajili Moja." },
              },
              sources: ["pwd_act"],
              unconfirmed: false,
            },
            {
              id: "no_other_transfer",
              test: { fact: "covered_by", op: "includes_none", value: ["old_age_grant", "hsnp", "ct_ovc"] },
              reason: {
                pass: { en: "You get no other government cash transfer.", sw: "Hupokei pesa nyingine za serikali." },
                fail: { en: "You already get another government cash transfer.", sw: "Tayari unapokea pesa nyingine za serikali." },
              },
              sources: ["pwd_act"],
              unconfirmed: false,
            },
            {
              id: "age",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}, under the older persons grant age.", sw: "Una miaka {value}, chini ya umri wa ruzuku ya wazee." },
                fail: { en: "You are {value}; from {threshold} the older persons grant applies instead.", sw: "Una miaka {value}; kuanzia {threshold} ruzuku ya wazee ndiyo inahusika." },
              },
              sources: [],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 2,000 every month.", sw: "KSh 2,000 kila mwezi." }],
          documents: [{ en: "A disability card from the Council.", sw: "Kadi ya ulemavu kutoka Baraza." }],
          apply: [{ kind: "office", text: { en: "Apply at the sub-county social development office.", sw: "Omba katika ofisi ya maendeleo ya jamii ya kaunti ndogo." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 5. Maternity cash: sex, pregnancy, age range, income ceiling, residency list.
    {
      id: "maternity_cash",
      category: "maternity",
      name: { en: "Maternity Cash Support", sw: "Msaada wa Pesa wa Uzazi" },
      administering_body: { en: "Ministry of Health", sw: "Wizara ya Afya" },
      summary: { en: "Cash for pregnant women on low incomes who attend antenatal care.", sw: "Pesa kwa wanawake wajawazito wenye mapato ya chini wanaohudhuria kliniki." },
      sources: [{ id: "mat_policy", title: "Maternal Support Policy 2022", url: "https://example.org/bench/mat-policy", date: "2022-03-08", tier: "official" }],
      versions: [
        {
          rule_version: "zz/maternity_cash@2024-01-01",          hash: "zz/maternity_cash@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["mat_policy"],
          parameters: {
            min_age: { value: 15, unit: "years", sources: ["mat_policy"], unconfirmed: false },
            max_age: { value: 49, unit: "years", sources: ["mat_policy"], unconfirmed: false },
            max_income: { value: 30000, unit: "KES", sources: ["mat_policy"], unconfirmed: false },
          },
          criteria: [
            {
              id: "female",
              test: { fact: "sex", op: "eq", value: "female" },
              reason: {
                pass: { en: "The support is for women.", sw: "Msaada huu ni kwa wanawake." },
                fail: { en: "The support is only for women.", sw: "Msaada huu ni kwa wanawake pekee." },
              },
              sources: ["mat_policy"],
              unconfirmed: false,
            },
            {
              id: "pregnant",
              test: { fact: "is_pregnant", op: "eq", value: true },
              reason: {
                pass: { en: "You are pregnant.", sw: "Wewe ni mjamzito." },
                fail: { en: "The support starts during pregnancy.", sw: "Msaada huanza wakati wa ujauzito." },
              },
              sources: ["mat_policy"],
              unconfirmed: false,
            },
            {
              id: "age_range",
              test: { all: [{ fact: "age", op: "gte", param: "min_age" }, { fact: "age", op: "lte", param: "max_age" }] },
              reason: {
                pass: { en: "Your age is between {min_age} and {max_age}.", sw: "Umri wako uko kati ya miaka {min_age} na {max_age}." },
                fail: { en: "The support is for women aged {min_age} to {max_age}.", sw: "Msaada ni kwa wanawake wenye miaka {min_age} hadi {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "resident",
              test: { fact: "residency_status", op: "in", value: ["citizen", "resident"] },
              reason: {
                pass: { en: "You are a citizen or a resident.", sw: "Wewe ni raia au mkazi." },
                fail: { en: "Only citizens and residents can get the support.", sw: "Raia na wakazi pekee wanaweza kupata msaada huu." },
              },
              sources: ["mat_policy"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 1,500 at each of four antenatal visits.", sw: "KSh 1,500 katika kila moja ya ziara nne za kliniki." }],
          documents: [{ en: "Antenatal clinic card.", sw: "Kadi ya kliniki ya wajawazito." }],
          apply: [{ kind: "office", text: { en: "Ask at your antenatal clinic.", sw: "Uliza katika kliniki yako ya wajawazito." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 6. Child support: household size, registry or low income (any), citizen, adult, no orphan transfer.
    {
      id: "child_support",
      category: "cash_transfer",
      name: { en: "Child Support Grant", sw: "Ruzuku ya Malezi ya Watoto" },
      administering_body: { en: "Department of Children's Services", sw: "Idara ya Huduma za Watoto" },
      summary: { en: "A monthly payment for poor households with children.", sw: "Malipo ya kila mwezi kwa kaya maskini zenye watoto." },
      sources: [{ id: "child_act", title: "Children Act 2022", url: "https://example.org/bench/child-act", date: "2022-07-26", tier: "law" }],
      versions: [
        {
          rule_version: "zz/child_support@2024-01-01",          hash: "zz/child_support@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["child_act"],
          parameters: {
            min_household: { value: 3, unit: "people", sources: ["child_act"], unconfirmed: false },
            max_income: { value: 10000, unit: "KES", sources: ["child_act"], unconfirmed: false },
            min_age: { value: 18, unit: "years", sources: ["child_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "household",
              test: { fact: "household_size", op: "gte", param: "min_household" },
              reason: {
                pass: { en: "Your household has {value} people.", sw: "Kaya yako ina watu {value}." },
                fail: { en: "Your household has {value} people; the grant needs at least {min_household}.", sw: "Kaya yako ina watu {value}; ruzuku inahitaji angalau {min_household}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "poor",
              test: { any: [{ fact: "in_poverty_registry", op: "eq", value: true }, { fact: "monthly_income", op: "lte", param: "max_income" }] },
              reason: {
                pass: { en: "Your household is in the registry or earns at most KSh {max_income} a month.", sw: "Kaya yako iko katika sajili au inapata si zaidi ya KSh {max_income} kwa mwezi." },
                fail: { en: "The grant is for households in the registry or earning at most KSh {max_income} a month.", sw: "Ruzuku ni kwa kaya zilizo katika sajili au zinazopata si zaidi ya KSh {max_income} kwa mwezi." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The grant is only for citizens.", sw: "Ruzuku ni kwa raia pekee." },
              },
              sources: ["child_act"],
              unconfirmed: false,
            },
            {
              id: "adult",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}, old enough to be the recipient.", sw: "Una miaka {value}, umetimiza umri wa kupokea." },
                fail: { en: "You are {value}; the recipient must be at least {min_age}.", sw: "Una miaka {value}; mpokeaji lazima awe na angalau miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_orphan_transfer",
              test: { fact: "covered_by", op: "includes_none", value: ["ct_ovc"] },
              reason: {
                pass: { en: "Your household does not get the orphans transfer.", sw: "Kaya yako haipokei pesa za yatima." },
                fail: { en: "Your household already gets the orphans transfer.", sw: "Kaya yako tayari inapokea pesa za yatima." },
              },
              sources: ["child_act"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 1,000 a month per household.", sw: "KSh 1,000 kwa mwezi kwa kila kaya." }],
          documents: [{ en: "Birth certificates of the children.", sw: "Vyeti vya kuzaliwa vya watoto." }],
          apply: [{ kind: "office", text: { en: "Apply at the children's office.", sw: "Omba katika ofisi ya watoto." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 7. Accident cover: kind of work, separate age floor and ceiling, national ID, minimum income.
    {
      id: "accident_cover",
      category: "accident",
      name: { en: "Personal Accident Cover", sw: "Bima ya Ajali" },
      administering_body: { en: "Workers' Compensation Fund", sw: "Mfuko wa Fidia kwa Wafanyakazi" },
      summary: { en: "Cover for injuries at work for people who work for themselves or at home.", sw: "Bima ya majeraha kazini kwa wanaojiajiri au wanaofanya kazi nyumbani." },
      sources: [{ id: "wc_act", title: "Work Injury Benefits Act 2007", url: "https://example.org/bench/wc-act", date: "2007-12-31", tier: "law" }],
      versions: [
        {
          rule_version: "zz/accident_cover@2024-01-01",          hash: "zz/accident_cover@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["wc_act"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["wc_act"], unconfirmed: false },
            max_age: { value: 65, unit: "years", sources: ["wc_act"], unconfirmed: false },
            min_income: { value: 3000, unit: "KES", sources: ["wc_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "work",
              test: { fact: "worker_type", op: "in", value: ["self_employed", "homeworker"] },
              reason: {
                pass: { en: "You work for yourself or at home.", sw: "Unajiajiri au unafanya kazi nyumbani." },
                fail: { en: "The cover is for self-employed people and homeworkers, not {value}.", sw: "Bima ni kwa waliojiajiri na wanaofanya kazi nyumbani, si {value}." },
              },
              sources: ["wc_act"],
              unconfirmed: false,
            },
            {
              id: "old_enough",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; members must be at least {min_age}.", sw: "Una miaka {value}; wanachama lazima wawe na angalau miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "young_enough",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}, not above {max_age}.", sw: "Una miaka {value}, si zaidi ya {max_age}." },
                fail: { en: "You are {value}; new members must be {max_age} or younger.", sw: "Una miaka {value}; wanachama wapya lazima wawe na miaka {max_age} au chini." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "national_id",
              test: { fact: "has_national_id", op: "eq", value: true },
              reason: {
                pass: { en: "You have a national ID card.", sw: "Una kitambulisho cha taifa." },
                fail: { en: "You need a national ID card to register.", sw: "Unahitaji kitambulisho cha taifa ili kujisajili." },
              },
              sources: ["wc_act"],
              unconfirmed: false,
            },
            {
              id: "some_income",
              test: { fact: "monthly_income", op: "gte", param: "min_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} can pay the premium.", sw: "Mapato yako ya mwezi ya KSh {value} yanaweza kulipa ada." },
                fail: { en: "Your monthly income of KSh {value} is below the KSh {min_income} needed for the premium.", sw: "Mapato yako ya mwezi ya KSh {value} ni chini ya KSh {min_income} zinazohitajika kwa ada." },
              },
              sources: [],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 100, period: "month", text: { en: "KSh 100 a month.", sw: "KSh 100 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Medical costs and compensation after an injury at work.", sw: "Gharama za matibabu na fidia baada ya kuumia kazini." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "agent", text: { en: "Register with a Fund agent.", sw: "Jisajili kwa wakala wa Mfuko." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 8. Homeworker protection: one kind of work, age floor, residency ne, bank account, no employer cover.
    {
      id: "homeworker_protection",
      category: "labour_protection",
      name: { en: "Homeworker Registration and Protection", sw: "Usajili na Ulinzi wa Wafanyakazi wa Nyumbani" },
      administering_body: { en: "Labour Department", sw: "Idara ya Kazi" },
      summary: { en: "Register as a homeworker to get written piece rates and dispute help.", sw: "Jisajili kama mfanyakazi wa nyumbani kupata viwango vya malipo kwa maandishi na msaada wa migogoro." },
      sources: [{ id: "labour_reg", title: "Homeworkers Regulations 2021", url: "https://example.org/bench/labour-reg", date: "2021-05-01", tier: "law" }],
      versions: [
        {
          rule_version: "zz/homeworker_protection@2024-01-01",          hash: "zz/homeworker_protection@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["labour_reg"],
          parameters: {
            min_age: { value: 16, unit: "years", sources: ["labour_reg"], unconfirmed: false },
          },
          criteria: [
            {
              id: "homeworker",
              test: { fact: "worker_type", op: "eq", value: "homeworker" },
              reason: {
                pass: { en: "You work at home for a contractor.", sw: "Unafanya kazi nyumbani kwa mkandarasi." },
                fail: { en: "Registration is for homeworkers paid by a contractor; you said {value}.", sw: "Usajili ni kwa wafanyakazi wa nyumbani wanaolipwa na mkandarasi; ulisema {value}." },
              },
              sources: ["labour_reg"],
              unconfirmed: false,
            },
            {
              id: "working_age",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}, of working age.", sw: "Una miaka {value}, umri wa kufanya kazi." },
                fail: { en: "You are {value}; the minimum working age is {min_age}.", sw: "Una miaka {value}; umri wa chini wa kufanya kazi ni {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "lawful_residence",
              test: { fact: "residency_status", op: "ne", value: "other" },
              reason: {
                pass: { en: "You live here lawfully.", sw: "Unaishi hapa kihalali." },
                fail: { en: "You need lawful residence to register.", sw: "Unahitaji ukaazi halali ili kujisajili." },
              },
              sources: ["labour_reg"],
              unconfirmed: false,
            },
            {
              id: "account",
              test: { fact: "has_bank_account", op: "eq", value: true },
              reason: {
                pass: { en: "You have an account for piece-rate payments.", sw: "Una akaunti ya malipo ya kazi." },
                fail: { en: "Open a bank or mobile-money account first.", sw: "Fungua akaunti ya benki au ya pesa kwa simu kwanza." },
              },
              sources: ["labour_reg"],
              unconfirmed: false,
            },
            {
              id: "not_employee_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_health", "employer_pension"] },
              reason: {
                pass: { en: "No employer covers you.", sw: "Hakuna mwajiri anayekuhudumia." },
                fail: { en: "An employer already covers you, so you are an employee.", sw: "Mwajiri tayari anakuhudumia, kwa hivyo wewe ni mwajiriwa." },
              },
              sources: ["labour_reg"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "A written piece rate and help in disputes.", sw: "Kiwango cha malipo kwa maandishi na msaada katika migogoro." }],
          documents: [{ en: "National ID card or refugee ID.", sw: "Kitambulisho cha taifa au cha mkimbizi." }],
          apply: [{ kind: "web", value: "https://example.org/bench/register", text: { en: "Register online.", sw: "Jisajili mtandaoni." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 9. Pension top-up: no income tax, age range, income ceiling, no pension, citizen.
    {
      id: "pension_topup",
      category: "pension",
      name: { en: "Pension Savings Top-Up", sw: "Nyongeza ya Akiba ya Pensheni" },
      administering_body: { en: "Treasury", sw: "Hazina" },
      summary: { en: "The government matches part of what low earners save for a pension.", sw: "Serikali inalingana na sehemu ya akiba ya pensheni ya wenye mapato ya chini." },
      sources: [{ id: "fin_act", title: "Finance Act 2023", url: "https://example.org/bench/fin-act", date: "2023-06-26", tier: "law" }],
      versions: [
        {
          rule_version: "zz/pension_topup@2024-01-01",          hash: "zz/pension_topup@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["fin_act"],
          parameters: {
            min_age: { value: 30, unit: "years", sources: ["fin_act"], unconfirmed: false },
            max_age: { value: 59, unit: "years", sources: ["fin_act"], unconfirmed: false },
            max_income: { value: 25000, unit: "KES", sources: ["fin_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "no_income_tax",
              test: { fact: "income_tax_payer", op: "eq", value: false },
              reason: {
                pass: { en: "You do not pay income tax.", sw: "Hulipi kodi ya mapato." },
                fail: { en: "The top-up is for people who do not pay income tax.", sw: "Nyongeza ni kwa watu wasiolipa kodi ya mapato." },
              },
              sources: ["fin_act"],
              unconfirmed: false,
            },
            {
              id: "age_range",
              test: { all: [{ fact: "age", op: "gte", param: "min_age" }, { fact: "age", op: "lte", param: "max_age" }] },
              reason: {
                pass: { en: "Your age is between {min_age} and {max_age}.", sw: "Umri wako uko kati ya miaka {min_age} na {max_age}." },
                fail: { en: "The top-up is for savers aged {min_age} to {max_age}.", sw: "Nyongeza ni kwa wanaoweka akiba wenye miaka {min_age} hadi {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_pension",
              test: { fact: "receives_pension", op: "eq", value: false },
              reason: {
                pass: { en: "You do not receive a pension yet.", sw: "Bado hupokei pensheni." },
                fail: { en: "You already receive a pension.", sw: "Tayari unapokea pensheni." },
              },
              sources: ["fin_act"],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The top-up is only for citizens.", sw: "Nyongeza ni kwa raia pekee." },
              },
              sources: ["fin_act"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "partial", sources: ["fin_act"] },
          benefits: [{ en: "KSh 1 added for every KSh 2 saved, up to KSh 6,000 a year.", sw: "KSh 1 huongezwa kwa kila KSh 2 zilizowekwa, hadi KSh 6,000 kwa mwaka." }],
          documents: [{ en: "Your pension account number.", sw: "Nambari ya akaunti yako ya pensheni." }],
          apply: [{ kind: "sms", value: "22555", text: { en: "Send TOPUP to 22555.", sw: "Tuma TOPUP kwa 22555." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 10. Arid-lands safety net: region list, registry, household size, no other transfer, residency list.
    {
      id: "arid_safety_net",
      category: "cash_transfer",
      name: { en: "Arid Lands Safety Net", sw: "Kinga ya Maeneo Kame" },
      administering_body: { en: "Drought Management Authority", sw: "Mamlaka ya Kudhibiti Ukame" },
      summary: { en: "Regular cash for poor households in the arid northern counties.", sw: "Pesa za mara kwa mara kwa kaya maskini katika kaunti kame za kaskazini." },
      sources: [{ id: "ndma_order", title: "Drought Management Order 2016", url: "https://example.org/bench/ndma", date: "2016-04-01", tier: "law" }],
      versions: [
        {
          rule_version: "zz/arid_safety_net@2024-01-01",          hash: "zz/arid_safety_net@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["ndma_order"],
          parameters: {
            counties: { value: ["turkana", "marsabit", "mandera", "wajir"], sources: ["ndma_order"], unconfirmed: false },
            min_household: { value: 2, unit: "people", sources: ["ndma_order"], unconfirmed: false },
          },
          criteria: [
            {
              id: "county",
              test: { fact: "region", op: "in", param: "counties" },
              reason: {
                pass: { en: "You live in {value}, one of the programme counties.", sw: "Unaishi {value}, mojawapo ya kaunti za mpango." },
                fail: { en: "The programme runs only in {counties}.", sw: "Mpango unaendeshwa tu katika {counties}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "registry",
              test: { fact: "in_poverty_registry", op: "eq", value: true },
              reason: {
                pass: { en: "Your household is in the Single Registry.", sw: "Kaya yako iko katika Sajili Moja." },
                fail: { en: "Your household must be in the Single Registry.", sw: "Kaya yako lazima iwe katika Sajili Moja." },
              },
              sources: ["ndma_order"],
              unconfirmed: false,
            },
            {
              id: "household",
              test: { fact: "household_size", op: "gte", param: "min_household" },
              reason: {
                pass: { en: "Your household has {value} people.", sw: "Kaya yako ina watu {value}." },
                fail: { en: "The programme is for households of {min_household} or more.", sw: "Mpango ni kwa kaya za watu {min_household} au zaidi." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_other_transfer",
              test: { fact: "covered_by", op: "includes_none", value: ["old_age_grant", "disability_grant", "hsnp"] },
              reason: {
                pass: { en: "You get no other government cash transfer.", sw: "Hupokei pesa nyingine za serikali." },
                fail: { en: "You already get another government cash transfer.", sw: "Tayari unapokea pesa nyingine za serikali." },
              },
              sources: ["ndma_order"],
              unconfirmed: false,
            },
            {
              id: "residency",
              test: { fact: "residency_status", op: "in", value: ["citizen", "refugee"] },
              reason: {
                pass: { en: "Citizens and refugees can get the transfer.", sw: "Raia na wakimbizi wanaweza kupata pesa hizi." },
                fail: { en: "Only citizens and refugees can get the transfer.", sw: "Raia na wakimbizi pekee wanaweza kupata pesa hizi." },
              },
              sources: ["ndma_order"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 5,400 every two months.", sw: "KSh 5,400 kila miezi miwili." }],
          documents: [{ en: "National ID or refugee ID.", sw: "Kitambulisho cha taifa au cha mkimbizi." }],
          apply: [{ kind: "office", text: { en: "Register during the county targeting exercise.", sw: "Jisajili wakati wa zoezi la kaunti la kuchagua walengwa." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 11. Nutrition support: sex, pregnant or large household (any), income ceiling, age ceiling, registry.
    {
      id: "nutrition_support",
      category: "maternity",
      name: { en: "Mother and Child Nutrition Support", sw: "Msaada wa Lishe kwa Mama na Mtoto" },
      administering_body: { en: "Ministry of Health", sw: "Wizara ya Afya" },
      summary: { en: "Food vouchers for poor mothers and pregnant women.", sw: "Vocha za chakula kwa akina mama maskini na wanawake wajawazito." },
      sources: [{ id: "nutrition_policy", title: "Nutrition Action Plan 2023", url: "https://example.org/bench/nutrition", date: "2023-02-01", tier: "official" }],
      versions: [
        {
          rule_version: "zz/nutrition_support@2024-01-01",          hash: "zz/nutrition_support@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["nutrition_policy"],
          parameters: {
            min_household: { value: 4, unit: "people", sources: ["nutrition_policy"], unconfirmed: false },
            max_income: { value: 20000, unit: "KES", sources: ["nutrition_policy"], unconfirmed: false },
            max_age: { value: 45, unit: "years", sources: ["nutrition_policy"], unconfirmed: false },
          },
          criteria: [
            {
              id: "female",
              test: { fact: "sex", op: "eq", value: "female" },
              reason: {
                pass: { en: "The vouchers are for women.", sw: "Vocha ni kwa wanawake." },
                fail: { en: "The vouchers are only for women.", sw: "Vocha ni kwa wanawake pekee." },
              },
              sources: ["nutrition_policy"],
              unconfirmed: false,
            },
            {
              id: "pregnant_or_family",
              test: { any: [{ fact: "is_pregnant", op: "eq", value: true }, { fact: "household_size", op: "gte", param: "min_household" }] },
              reason: {
                pass: { en: "You are pregnant or care for a household of {min_household} or more.", sw: "Wewe ni mjamzito au unatunza kaya ya watu {min_household} au zaidi." },
                fail: { en: "The vouchers are for pregnant women or households of {min_household} or more.", sw: "Vocha ni kwa wanawake wajawazito au kaya za watu {min_household} au zaidi." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "age",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; the vouchers are for women up to {max_age}.", sw: "Una miaka {value}; vocha ni kwa wanawake hadi miaka {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "registry",
              test: { fact: "in_poverty_registry", op: "eq", value: true },
              reason: {
                pass: { en: "Your household is in the Single Registry.", sw: "Kaya yako iko katika Sajili Moja." },
                fail: { en: "Your household must be in the Single Registry.", sw: "Kaya yako lazima iwe katika Sajili Moja." },
              },
              sources: ["nutrition_policy"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "A monthly food voucher worth KSh 1,200.", sw: "Vocha ya chakula ya kila mwezi yenye thamani ya KSh 1,200." }],
          documents: [{ en: "Clinic card.", sw: "Kadi ya kliniki." }],
          apply: [{ kind: "office", text: { en: "Ask at the health centre.", sw: "Uliza katika kituo cha afya." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 12. Youth enterprise fund: separate age floor and ceiling, kind of work, citizen, national ID.
    {
      id: "youth_enterprise",
      category: "informal_worker",
      name: { en: "Youth Enterprise Loan", sw: "Mkopo wa Biashara kwa Vijana" },
      administering_body: { en: "Youth Enterprise Fund", sw: "Mfuko wa Biashara za Vijana" },
      summary: { en: "Small loans without collateral for young people running a business.", sw: "Mikopo midogo bila dhamana kwa vijana wenye biashara." },
      sources: [{ id: "yef_order", title: "Youth Enterprise Fund Order 2007", url: "https://example.org/bench/yef", date: "2007-05-11", tier: "law" }],
      versions: [
        {
          rule_version: "zz/youth_enterprise@2024-01-01",          hash: "zz/youth_enterprise@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["yef_order"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["yef_order"], unconfirmed: false },
            max_age: { value: 35, unit: "years", sources: ["yef_order"], unconfirmed: false },
          },
          criteria: [
            {
              id: "old_enough",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; borrowers must be at least {min_age}.", sw: "Una miaka {value}; wakopaji lazima wawe na angalau miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "young_enough",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}, within the youth age of {max_age} or under.", sw: "Una miaka {value}, ndani ya umri wa ujana wa miaka {max_age} au chini." },
                fail: { en: "You are {value}; the fund is for youth aged {max_age} or under.", sw: "Una miaka {value}; mfuko ni kwa vijana wenye miaka {max_age} au chini." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "business",
              test: { fact: "worker_type", op: "in", value: ["self_employed", "unpaid_family_worker"] },
              reason: {
                pass: { en: "You run or help in a business.", sw: "Unaendesha au kusaidia katika biashara." },
                fail: { en: "The loan is for people running a business, not {value}.", sw: "Mkopo ni kwa watu wenye biashara, si {value}." },
              },
              sources: ["yef_order"],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The fund lends only to citizens.", sw: "Mfuko unakopesha raia pekee." },
              },
              sources: ["yef_order"],
              unconfirmed: false,
            },
            {
              id: "national_id",
              test: { fact: "has_national_id", op: "eq", value: true },
              reason: {
                pass: { en: "You have a national ID card.", sw: "Una kitambulisho cha taifa." },
                fail: { en: "You need a national ID card to borrow.", sw: "Unahitaji kitambulisho cha taifa ili kukopa." },
              },
              sources: ["yef_order"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "A loan of KSh 5,000 to 50,000.", sw: "Mkopo wa KSh 5,000 hadi 50,000." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "web", value: "https://example.org/bench/yef-apply", text: { en: "Apply online.", sw: "Omba mtandaoni." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 13. Elderly health cover: age floor, no other cover, citizen, income ceiling, no pension.
    {
      id: "elderly_health",
      category: "health_insurance",
      name: { en: "Older Persons Health Cover", sw: "Bima ya Afya ya Wazee" },
      administering_body: { en: "Health Insurance Authority", sw: "Mamlaka ya Bima ya Afya" },
      summary: { en: "Free health cover for poor older people.", sw: "Bima ya afya ya bure kwa wazee maskini." },
      sources: [{ id: "hi_act", title: "Health Insurance Act 2023", url: "https://example.org/bench/hi-act", date: "2023-10-01", tier: "law" }],
      versions: [
        {
          rule_version: "zz/elderly_health@2024-01-01",          hash: "zz/elderly_health@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["hi_act"],
          parameters: {
            min_age: { value: 60, unit: "years", sources: ["hi_act"], unconfirmed: false },
            max_income: { value: 15000, unit: "KES", sources: ["hi_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "age",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}: the cover is for people aged {min_age} and above.", sw: "Una miaka {value}: bima ni ya watu wenye miaka {min_age} au zaidi." },
                fail: { en: "You are {value}; the cover starts at age {min_age}.", sw: "Una miaka {value}; bima huanza katika umri wa miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_other_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_health", "private_insurance"] },
              reason: {
                pass: { en: "You have no other health cover.", sw: "Huna bima nyingine ya afya." },
                fail: { en: "You already have health cover through an employer or an insurer.", sw: "Tayari una bima ya afya kupitia mwajiri au kampuni ya bima." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The free cover is only for citizens.", sw: "Bima ya bure ni kwa raia pekee." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_pension",
              test: { fact: "receives_pension", op: "eq", value: false },
              reason: {
                pass: { en: "You do not receive a pension.", sw: "Hupokei pensheni." },
                fail: { en: "Pensioners are covered by their pension scheme.", sw: "Wastaafu wanahudumiwa na mpango wao wa pensheni." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Free outpatient and inpatient care.", sw: "Matibabu ya bure ya nje na ya kulazwa." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "office", text: { en: "Register at a health insurance office.", sw: "Jisajili katika ofisi ya bima ya afya." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 14. Savings match: kind of work, income floor and ceiling (separate), age ceiling, bank account, no income tax.
    {
      id: "savings_match",
      category: "informal_worker",
      name: { en: "Informal Workers Savings Match", sw: "Kulinganisha Akiba ya Wafanyakazi Wasio Rasmi" },
      administering_body: { en: "Cooperatives Department", sw: "Idara ya Vyama vya Ushirika" },
      summary: { en: "A savings account where the government adds to what you save.", sw: "Akaunti ya akiba ambapo serikali inaongeza kwa unachoweka." },
      sources: [{ id: "coop_policy", title: "Savings Inclusion Policy 2022", url: "https://example.org/bench/coop", date: "2022-09-01", tier: "official" }],
      versions: [
        {
          rule_version: "zz/savings_match@2024-01-01",          hash: "zz/savings_match@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["coop_policy"],
          parameters: {
            eligible_work: { value: ["self_employed", "homeworker", "unpaid_family_worker", "other"], sources: ["coop_policy"], unconfirmed: false },
            min_income: { value: 2000, unit: "KES", sources: ["coop_policy"], unconfirmed: false },
            max_income: { value: 40000, unit: "KES", sources: ["coop_policy"], unconfirmed: false },
            max_age: { value: 55, unit: "years", sources: ["coop_policy"], unconfirmed: false },
          },
          criteria: [
            {
              id: "informal_work",
              test: { fact: "worker_type", op: "in", param: "eligible_work" },
              reason: {
                pass: { en: "Your kind of work ({value}) is covered.", sw: "Aina yako ya kazi ({value}) inahusika." },
                fail: { en: "The match is for informal workers, not {value}.", sw: "Mpango ni kwa wafanyakazi wasio rasmi, si {value}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income_floor",
              test: { fact: "monthly_income", op: "gte", param: "min_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at least KSh {min_income}.", sw: "Mapato yako ya mwezi ya KSh {value} ni angalau KSh {min_income}." },
                fail: { en: "Your monthly income of KSh {value} is below KSh {min_income}.", sw: "Mapato yako ya mwezi ya KSh {value} ni chini ya KSh {min_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "income_ceiling",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "age",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; savers must be {max_age} or younger.", sw: "Una miaka {value}; wanaoweka akiba lazima wawe na miaka {max_age} au chini." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "account",
              test: { fact: "has_bank_account", op: "eq", value: true },
              reason: {
                pass: { en: "You have a bank or mobile-money account.", sw: "Una akaunti ya benki au ya pesa kwa simu." },
                fail: { en: "You need a bank or mobile-money account.", sw: "Unahitaji akaunti ya benki au ya pesa kwa simu." },
              },
              sources: ["coop_policy"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 100, period: "week", text: { en: "From KSh 100 a week.", sw: "Kuanzia KSh 100 kwa wiki." } }],
          subsidy: { kind: "partial", sources: ["coop_policy"] },
          benefits: [{ en: "KSh 50 added for every KSh 100 saved.", sw: "KSh 50 huongezwa kwa kila KSh 100 zilizowekwa." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "ussd", value: "*384#", text: { en: "Dial *384#.", sw: "Piga *384#." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 15. Disability health cover: disability, no private cover, residency ne, registry or low income (any), no tax.
    {
      id: "disability_health",
      category: "health_insurance",
      name: { en: "Disability Health Cover", sw: "Bima ya Afya kwa Watu Wenye Ulemavu" },
      administering_body: { en: "Health Insurance Authority", sw: "Mamlaka ya Bima ya Afya" },
      summary: { en: "Free health cover for persons with disabilities on low incomes.", sw: "Bima ya afya ya bure kwa watu wenye ulemavu wenye mapato ya chini." },
      sources: [{ id: "hi_act", title: "Health Insurance Act 2023", url: "https://example.org/bench/hi-act", date: "2023-10-01", tier: "law" }],
      versions: [
        {
          rule_version: "zz/disability_health@2024-01-01",          hash: "zz/disability_health@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["hi_act"],
          parameters: {
            max_income: { value: 20000, unit: "KES", sources: ["hi_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "disability",
              test: { fact: "has_disability", op: "eq", value: true },
              reason: {
                pass: { en: "You have a disability.", sw: "Una ulemavu." },
                fail: { en: "The cover is for persons with a disability.", sw: "Bima ni kwa watu wenye ulemavu." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "no_private_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["private_insurance"] },
              reason: {
                pass: { en: "You have no private health insurance.", sw: "Huna bima ya afya ya kibinafsi." },
                fail: { en: "You already have private health insurance.", sw: "Tayari una bima ya afya ya kibinafsi." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "lawful_residence",
              test: { fact: "residency_status", op: "ne", value: "other" },
              reason: {
                pass: { en: "You live here lawfully.", sw: "Unaishi hapa kihalali." },
                fail: { en: "You need lawful residence to join.", sw: "Unahitaji ukaazi halali ili kujiunga." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
            {
              id: "low_income",
              test: { any: [{ fact: "in_poverty_registry", op: "eq", value: true }, { fact: "monthly_income", op: "lte", param: "max_income" }] },
              reason: {
                pass: { en: "You are in the registry or earn at most KSh {max_income} a month.", sw: "Uko katika sajili au unapata si zaidi ya KSh {max_income} kwa mwezi." },
                fail: { en: "The free cover is for people in the registry or earning at most KSh {max_income} a month.", sw: "Bima ya bure ni kwa watu walio katika sajili au wanaopata si zaidi ya KSh {max_income} kwa mwezi." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_income_tax",
              test: { fact: "income_tax_payer", op: "eq", value: false },
              reason: {
                pass: { en: "You do not pay income tax.", sw: "Hulipi kodi ya mapato." },
                fail: { en: "Income tax payers pay for their own cover.", sw: "Walipa kodi ya mapato hulipia bima yao wenyewe." },
              },
              sources: ["hi_act"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Free care, assistive devices and therapy.", sw: "Matibabu ya bure, vifaa saidizi na tiba." }],
          documents: [{ en: "Disability card.", sw: "Kadi ya ulemavu." }],
          apply: [{ kind: "office", text: { en: "Register at a health insurance office.", sw: "Jisajili katika ofisi ya bima ya afya." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 16. Work injury: age floor, an income ceiling only for employees (when), residency list, no employer cover, ID.
    {
      id: "work_injury",
      category: "accident",
      name: { en: "Work Injury Scheme", sw: "Mpango wa Majeraha Kazini" },
      administering_body: { en: "Workers' Compensation Fund", sw: "Mfuko wa Fidia kwa Wafanyakazi" },
      summary: { en: "Compensation for injuries at work for low-paid and informal workers.", sw: "Fidia ya majeraha kazini kwa wafanyakazi wa mishahara midogo na wasio rasmi." },
      sources: [{ id: "wc_act", title: "Work Injury Benefits Act 2007", url: "https://example.org/bench/wc-act", date: "2007-12-31", tier: "law" }],
      versions: [
        {
          rule_version: "zz/work_injury@2024-01-01",          hash: "zz/work_injury@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["wc_act"],
          parameters: {
            min_age: { value: 16, unit: "years", sources: ["wc_act"], unconfirmed: false },
            employee_max_income: { value: 30000, unit: "KES", sources: ["wc_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "working_age",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}, of working age.", sw: "Una miaka {value}, umri wa kufanya kazi." },
                fail: { en: "You are {value}; the minimum working age is {min_age}.", sw: "Una miaka {value}; umri wa chini wa kufanya kazi ni {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "employee_income",
              when: { fact: "worker_type", op: "eq", value: "employee" },
              test: { fact: "monthly_income", op: "lte", param: "employee_max_income" },
              reason: {
                pass: { en: "As an employee earning KSh {value} a month, you are within the KSh {employee_max_income} limit.", sw: "Kama mwajiriwa unayepata KSh {value} kwa mwezi, uko ndani ya kikomo cha KSh {employee_max_income}." },
                fail: { en: "Employees earning more than KSh {employee_max_income} a month are covered by their employer.", sw: "Waajiriwa wanaopata zaidi ya KSh {employee_max_income} kwa mwezi wanahudumiwa na mwajiri wao." },
                not_applicable: { en: "The income limit applies only to employees.", sw: "Kikomo cha mapato kinawahusu waajiriwa pekee." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "residency",
              test: { fact: "residency_status", op: "in", value: ["citizen", "resident", "refugee"] },
              reason: {
                pass: { en: "You live here lawfully.", sw: "Unaishi hapa kihalali." },
                fail: { en: "You need lawful residence to join.", sw: "Unahitaji ukaazi halali ili kujiunga." },
              },
              sources: ["wc_act"],
              unconfirmed: false,
            },
            {
              id: "no_employer_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_health"] },
              reason: {
                pass: { en: "No employer insures you.", sw: "Hakuna mwajiri anayekuwekea bima." },
                fail: { en: "Your employer already insures you.", sw: "Mwajiri wako tayari anakuwekea bima." },
              },
              sources: ["wc_act"],
              unconfirmed: false,
            },
            {
              id: "national_id",
              test: { fact: "has_national_id", op: "eq", value: true },
              reason: {
                pass: { en: "You have a national ID card.", sw: "Una kitambulisho cha taifa." },
                fail: { en: "You need a national ID card to register.", sw: "Unahitaji kitambulisho cha taifa ili kujisajili." },
              },
              sources: ["wc_act"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 50, period: "month", text: { en: "KSh 50 a month.", sw: "KSh 50 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Medical costs and a lump sum after a work injury.", sw: "Gharama za matibabu na malipo ya mkupuo baada ya jeraha kazini." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "phone", value: "0800 720 720", text: { en: "Call 0800 720 720.", sw: "Piga 0800 720 720." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 17. Gig pension: not an employee (not), age range, no pension, no income tax, citizen.
    {
      id: "gig_pension",
      category: "pension",
      name: { en: "Own-Account Workers Pension", sw: "Pensheni ya Wanaojiajiri" },
      administering_body: { en: "Social Security Fund", sw: "Mfuko wa Hifadhi ya Jamii" },
      summary: { en: "A pension for people who are nobody's employee.", sw: "Pensheni kwa watu wasioajiriwa na mtu yeyote." },
      sources: [{ id: "ssf_act", title: "Social Security Fund Act 2013", url: "https://example.org/bench/ssf-act", date: "2013-12-24", tier: "law" }],
      versions: [
        {
          rule_version: "zz/gig_pension@2024-01-01",          hash: "zz/gig_pension@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["ssf_act"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["ssf_act"], unconfirmed: false },
            max_age: { value: 64, unit: "years", sources: ["ssf_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "not_employee",
              test: { not: { fact: "worker_type", op: "eq", value: "employee" } },
              reason: {
                pass: { en: "You are not anyone's employee.", sw: "Wewe si mwajiriwa wa mtu yeyote." },
                fail: { en: "Employees join through their employer.", sw: "Waajiriwa hujiunga kupitia mwajiri wao." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "age_range",
              test: { all: [{ fact: "age", op: "gte", param: "min_age" }, { fact: "age", op: "lte", param: "max_age" }] },
              reason: {
                pass: { en: "Your age is between {min_age} and {max_age}.", sw: "Umri wako uko kati ya miaka {min_age} na {max_age}." },
                fail: { en: "New members must be between {min_age} and {max_age} years old.", sw: "Wanachama wapya lazima wawe na umri kati ya miaka {min_age} na {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "no_pension",
              test: { fact: "receives_pension", op: "eq", value: false },
              reason: {
                pass: { en: "You do not receive a pension.", sw: "Hupokei pensheni." },
                fail: { en: "People who already receive a pension cannot join.", sw: "Watu wanaopokea pensheni hawawezi kujiunga." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "no_income_tax",
              test: { fact: "income_tax_payer", op: "eq", value: false },
              reason: {
                pass: { en: "You do not pay income tax.", sw: "Hulipi kodi ya mapato." },
                fail: { en: "Income tax payers save through the tax-relief pension instead.", sw: "Walipa kodi ya mapato huweka akiba kupitia pensheni yenye nafuu ya kodi." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "Only citizens can join.", sw: "Raia pekee wanaweza kujiunga." },
              },
              sources: ["ssf_act"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 300, period: "month", text: { en: "From KSh 300 a month.", sw: "Kuanzia KSh 300 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "A monthly pension from age 65.", sw: "Pensheni ya kila mwezi kuanzia miaka 65." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "ussd", value: "*303#", text: { en: "Dial *303#.", sw: "Piga *303#." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 18. Refugee health: refugee status, no other cover, income ceiling, adult, bank account.
    {
      id: "refugee_health",
      category: "health_insurance",
      name: { en: "Refugee Health Cover", sw: "Bima ya Afya ya Wakimbizi" },
      administering_body: { en: "Department of Refugee Services", sw: "Idara ya Huduma za Wakimbizi" },
      summary: { en: "Subsidised health cover for refugees on low incomes.", sw: "Bima ya afya ya ruzuku kwa wakimbizi wenye mapato ya chini." },
      sources: [{ id: "refugee_act", title: "Refugees Act 2021", url: "https://example.org/bench/refugee-act", date: "2021-11-23", tier: "law" }],
      versions: [
        {
          rule_version: "zz/refugee_health@2024-01-01",          hash: "zz/refugee_health@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["refugee_act"],
          parameters: {
            max_income: { value: 20000, unit: "KES", sources: ["refugee_act"], unconfirmed: false },
            min_age: { value: 18, unit: "years", sources: ["refugee_act"], unconfirmed: false },
          },
          criteria: [
            {
              id: "refugee",
              test: { fact: "residency_status", op: "eq", value: "refugee" },
              reason: {
                pass: { en: "You are a registered refugee.", sw: "Wewe ni mkimbizi aliyesajiliwa." },
                fail: { en: "The cover is only for refugees.", sw: "Bima ni kwa wakimbizi pekee." },
              },
              sources: ["refugee_act"],
              unconfirmed: false,
            },
            {
              id: "no_other_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["employer_health", "private_insurance"] },
              reason: {
                pass: { en: "You have no other health cover.", sw: "Huna bima nyingine ya afya." },
                fail: { en: "You already have health cover.", sw: "Tayari una bima ya afya." },
              },
              sources: ["refugee_act"],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "adult",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; children are covered through a parent.", sw: "Una miaka {value}; watoto hupata bima kupitia mzazi." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "account",
              test: { fact: "has_bank_account", op: "eq", value: true },
              reason: {
                pass: { en: "You have an account to pay the premium from.", sw: "Una akaunti ya kulipia ada." },
                fail: { en: "You need a bank or mobile-money account to pay the premium.", sw: "Unahitaji akaunti ya benki au ya pesa kwa simu ili kulipa ada." },
              },
              sources: ["refugee_act"],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 300, period: "month", text: { en: "KSh 300 a month.", sw: "KSh 300 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "Outpatient and inpatient care.", sw: "Matibabu ya nje na ya kulazwa." }],
          documents: [{ en: "Refugee ID card.", sw: "Kitambulisho cha mkimbizi." }],
          apply: [{ kind: "office", text: { en: "Apply at the camp health office.", sw: "Omba katika ofisi ya afya ya kambi." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 19. Skills stipend: age range, kind of work list, income ceiling, citizen, national ID.
    {
      id: "skills_stipend",
      category: "labour_protection",
      name: { en: "Skills Training Stipend", sw: "Posho ya Mafunzo ya Ujuzi" },
      administering_body: { en: "National Industrial Training Authority", sw: "Mamlaka ya Kitaifa ya Mafunzo ya Viwanda" },
      summary: { en: "A stipend while you learn a trade.", sw: "Posho wakati unajifunza ufundi." },
      sources: [{ id: "nita_rules", title: "Industrial Training Rules 2019", url: "https://example.org/bench/nita", date: "2019-08-15", tier: "law" }],
      versions: [
        {
          rule_version: "zz/skills_stipend@2024-01-01",          hash: "zz/skills_stipend@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["nita_rules"],
          parameters: {
            min_age: { value: 16, unit: "years", sources: ["nita_rules"], unconfirmed: false },
            max_age: { value: 30, unit: "years", sources: ["nita_rules"], unconfirmed: false },
            max_income: { value: 8000, unit: "KES", sources: ["nita_rules"], unconfirmed: false },
          },
          criteria: [
            {
              id: "age_range",
              test: { all: [{ fact: "age", op: "gte", param: "min_age" }, { fact: "age", op: "lte", param: "max_age" }] },
              reason: {
                pass: { en: "Your age is between {min_age} and {max_age}.", sw: "Umri wako uko kati ya miaka {min_age} na {max_age}." },
                fail: { en: "The stipend is for people aged {min_age} to {max_age}.", sw: "Posho ni kwa watu wenye miaka {min_age} hadi {max_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "work",
              test: { fact: "worker_type", op: "in", value: ["unpaid_family_worker", "homeworker", "other"] },
              reason: {
                pass: { en: "Your kind of work ({value}) qualifies.", sw: "Aina yako ya kazi ({value}) inakubalika." },
                fail: { en: "The stipend is for homeworkers, family helpers and others without a trade, not {value}.", sw: "Posho ni kwa wafanyakazi wa nyumbani, wasaidizi wa familia na wengine wasio na ufundi, si {value}." },
              },
              sources: ["nita_rules"],
              unconfirmed: false,
            },
            {
              id: "income",
              test: { fact: "monthly_income", op: "lte", param: "max_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} is at most KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} hayazidi KSh {max_income}." },
                fail: { en: "Your monthly income of KSh {value} is above KSh {max_income}.", sw: "Mapato yako ya mwezi ya KSh {value} yanazidi KSh {max_income}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "citizen",
              test: { fact: "residency_status", op: "eq", value: "citizen" },
              reason: {
                pass: { en: "You are a citizen.", sw: "Wewe ni raia." },
                fail: { en: "The stipend is only for citizens.", sw: "Posho ni kwa raia pekee." },
              },
              sources: ["nita_rules"],
              unconfirmed: false,
            },
            {
              id: "national_id",
              test: { fact: "has_national_id", op: "eq", value: true },
              reason: {
                pass: { en: "You have a national ID card.", sw: "Una kitambulisho cha taifa." },
                fail: { en: "You need a national ID card to enrol.", sw: "Unahitaji kitambulisho cha taifa ili kujiandikisha." },
              },
              sources: ["nita_rules"],
              unconfirmed: false,
            },
          ],
          contributions: [],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 3,000 a month for up to six months.", sw: "KSh 3,000 kwa mwezi hadi miezi sita." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "office", text: { en: "Apply at a training centre.", sw: "Omba katika kituo cha mafunzo." } }],
        },
      ],
      needs_review: ["sw"],
    },
    // 20. Funeral cover: separate age floor and ceiling, bank account, no private insurance, income floor.
    {
      id: "funeral_cover",
      category: "accident",
      name: { en: "Group Funeral Cover", sw: "Bima ya Mazishi ya Kikundi" },
      administering_body: { en: "Cooperatives Department", sw: "Idara ya Vyama vya Ushirika" },
      summary: { en: "Low-cost funeral cover through your savings group.", sw: "Bima ya mazishi ya gharama nafuu kupitia kikundi chako cha akiba." },
      sources: [{ id: "coop_policy", title: "Savings Inclusion Policy 2022", url: "https://example.org/bench/coop", date: "2022-09-01", tier: "official" }],
      versions: [
        {
          rule_version: "zz/funeral_cover@2024-01-01",          hash: "zz/funeral_cover@2024-01-01",
          effective_from: "2024-01-01",
          sources: ["coop_policy"],
          parameters: {
            min_age: { value: 18, unit: "years", sources: ["coop_policy"], unconfirmed: false },
            max_age: { value: 75, unit: "years", sources: ["coop_policy"], unconfirmed: false },
            min_income: { value: 1000, unit: "KES", sources: ["coop_policy"], unconfirmed: false },
          },
          criteria: [
            {
              id: "old_enough",
              test: { fact: "age", op: "gte", param: "min_age" },
              reason: {
                pass: { en: "You are {value}.", sw: "Una miaka {value}." },
                fail: { en: "You are {value}; members must be at least {min_age}.", sw: "Una miaka {value}; wanachama lazima wawe na angalau miaka {min_age}." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "young_enough",
              test: { fact: "age", op: "lte", param: "max_age" },
              reason: {
                pass: { en: "You are {value}, not above {max_age}.", sw: "Una miaka {value}, si zaidi ya {max_age}." },
                fail: { en: "You are {value}; new members must be {max_age} or younger.", sw: "Una miaka {value}; wanachama wapya lazima wawe na miaka {max_age} au chini." },
              },
              sources: [],
              unconfirmed: false,
            },
            {
              id: "account",
              test: { fact: "has_bank_account", op: "eq", value: true },
              reason: {
                pass: { en: "You have an account for the premium.", sw: "Una akaunti ya ada." },
                fail: { en: "You need a bank or mobile-money account for the premium.", sw: "Unahitaji akaunti ya benki au ya pesa kwa simu kwa ajili ya ada." },
              },
              sources: ["coop_policy"],
              unconfirmed: false,
            },
            {
              id: "no_private_cover",
              test: { fact: "covered_by", op: "includes_none", value: ["private_insurance"] },
              reason: {
                pass: { en: "You have no private insurance.", sw: "Huna bima ya kibinafsi." },
                fail: { en: "Your private insurance already includes funeral cover.", sw: "Bima yako ya kibinafsi tayari ina bima ya mazishi." },
              },
              sources: ["coop_policy"],
              unconfirmed: false,
            },
            {
              id: "some_income",
              test: { fact: "monthly_income", op: "gte", param: "min_income" },
              reason: {
                pass: { en: "Your monthly income of KSh {value} can pay the premium.", sw: "Mapato yako ya mwezi ya KSh {value} yanaweza kulipa ada." },
                fail: { en: "Your monthly income of KSh {value} is below the KSh {min_income} needed for the premium.", sw: "Mapato yako ya mwezi ya KSh {value} ni chini ya KSh {min_income} zinazohitajika kwa ada." },
              },
              sources: [],
              unconfirmed: false,
            },
          ],
          contributions: [{ amount: 50, period: "month", text: { en: "KSh 50 a month.", sw: "KSh 50 kwa mwezi." } }],
          subsidy: { kind: "unknown", sources: [] },
          benefits: [{ en: "KSh 50,000 towards funeral costs.", sw: "KSh 50,000 kwa gharama za mazishi." }],
          documents: [{ en: "National ID card.", sw: "Kitambulisho cha taifa." }],
          apply: [{ kind: "agent", text: { en: "Join through your savings group treasurer.", sw: "Jiunge kupitia mweka hazina wa kikundi chako cha akiba." } }],
        },
      ],
      needs_review: ["sw"],
    },
  ],
};
