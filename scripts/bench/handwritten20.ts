/**
 * The benchmark's "what a programmer would hand-code" baseline: the 20 schemes of scripts/bench/pack20.ts written as
 * 20 plain functions with if-tests and template strings, thresholds inlined. Each gives the scheme's status and,
 * per criterion, passed or not and the same reason sentence our engine gives (the benchmark checks they agree).
 * Like most hand-written code, it assumes a complete profile: no unknown facts, no "needs info", no sources.
 */

/** A complete member profile: every fact the 20 schemes read is answered. */
export interface Profile {
  age: number;
  worker_type: string;
  residency_status: string;
  monthly_income: number;
  covered_by: string[];
  receives_pension: boolean;
  in_poverty_registry: boolean;
  income_tax_payer: boolean;
  has_national_id: boolean;
  sex: string;
  is_pregnant: boolean;
  has_disability: boolean;
  household_size: number;
  has_bank_account: boolean;
  region: string;
}

export interface HandCriterion {
  id: string;
  passed: boolean;
  reason: string;
}

export interface HandResult {
  scheme: string;
  status: "eligible" | "not_eligible";
  criteria: HandCriterion[];
}

type SchemeFn = (f: Profile, sw: boolean) => HandResult;

function healthInformal(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 18;
  const resident = f.residency_status === "citizen" || f.residency_status === "resident";
  const work = f.worker_type === "self_employed" || f.worker_type === "homeworker" || f.worker_type === "unpaid_family_worker";
  const income = f.monthly_income <= 50000;
  const noCover = !f.covered_by.includes("employer_health") && !f.covered_by.includes("private_insurance");
  return {
    scheme: "health_informal",
    status: age && resident && work && income && noCover ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}, umetimiza umri wa kujiunga (kuanzia 18).` : `You are ${f.age}, old enough to join (from 18).`
          : sw ? `Una miaka ${f.age}; wanachama lazima wawe na angalau miaka 18.` : `You are ${f.age}; members must be at least 18.`,
      },
      {
        id: "resident",
        passed: resident,
        reason: resident
          ? sw ? "Wewe ni raia au mkazi." : "You are a citizen or a resident."
          : sw ? "Raia na wakazi pekee wanaweza kujiunga." : "Only citizens and residents can join.",
      },
      {
        id: "informal_work",
        passed: work,
        reason: work
          ? sw ? `Aina yako ya kazi (${f.worker_type}) inahusika.` : `Your kind of work (${f.worker_type}) is covered.`
          : sw ? `Bima hii ni ya wafanyakazi wa sekta isiyo rasmi, si ${f.worker_type}.` : `The cover is for informal workers, not ${f.worker_type}.`,
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yako ndani ya kikomo cha KSh 50000.` : `Your monthly income of KSh ${f.monthly_income} is within the limit of KSh 50000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi kikomo cha KSh 50000.` : `Your monthly income of KSh ${f.monthly_income} is above the limit of KSh 50000.`,
      },
      {
        id: "no_other_cover",
        passed: noCover,
        reason: noCover
          ? sw ? "Huna bima nyingine ya afya." : "You have no other health cover."
          : sw ? "Tayari una bima ya afya kupitia mwajiri au kampuni ya bima." : "You already have health cover through an employer or an insurer.",
      },
    ],
  };
}

function microPension(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 18 && f.age <= 60;
  const citizen = f.residency_status === "citizen";
  const work = f.worker_type === "self_employed" || f.worker_type === "homeworker" || f.worker_type === "other";
  const noPension = !f.receives_pension;
  const noOther = !f.covered_by.includes("employer_pension") && !f.covered_by.includes("civil_service_pension");
  return {
    scheme: "micro_pension",
    status: age && citizen && work && noPension && noOther ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "age_range",
        passed: age,
        reason: age
          ? sw ? "Umri wako uko kati ya miaka 18 na 60." : "Your age is between 18 and 60."
          : sw ? "Wanachama wapya lazima wawe na umri kati ya miaka 18 na 60." : "New members must be between 18 and 60 years old.",
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Raia pekee wanaweza kufungua pensheni ndogo." : "Only citizens can open a micro-pension.",
      },
      {
        id: "informal_work",
        passed: work,
        reason: work
          ? sw ? "Unajiajiri au unafanya kazi nyumbani." : "You work for yourself or at home."
          : sw ? "Waajiriwa huweka akiba kupitia mwajiri wao." : "Employees save through their employer instead.",
      },
      {
        id: "no_pension",
        passed: noPension,
        reason: noPension
          ? sw ? "Hupokei pensheni." : "You do not receive a pension."
          : sw ? "Watu wanaopokea pensheni hawawezi kujiunga." : "People who already receive a pension cannot join.",
      },
      {
        id: "no_other_pension",
        passed: noOther,
        reason: noOther
          ? sw ? "Hauko katika mpango mwingine wa pensheni." : "You are not in another pension scheme."
          : sw ? "Tayari uko katika pensheni ya mwajiri au ya watumishi wa umma." : "You are already in an employer or civil service pension.",
      },
    ],
  };
}

function oldAgeGrant(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 70;
  const citizen = f.residency_status === "citizen";
  const noPension = !f.receives_pension;
  const noOther = !f.covered_by.includes("ct_ovc") && !f.covered_by.includes("pwsd_ct") && !f.covered_by.includes("hsnp");
  const id = f.has_national_id;
  return {
    scheme: "old_age_grant",
    status: age && citizen && noPension && noOther && id ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}: ruzuku ni ya watu wenye miaka 70 au zaidi.` : `You are ${f.age}: the grant is for people aged 70 and above.`
          : sw ? `Una miaka ${f.age}; ruzuku huanza katika umri wa miaka 70.` : `You are ${f.age}; the grant starts at age 70.`,
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Ruzuku ni kwa raia pekee." : "The grant is only for citizens.",
      },
      {
        id: "no_pension",
        passed: noPension,
        reason: noPension
          ? sw ? "Hupokei pensheni." : "You do not receive a pension."
          : sw ? "Watu wanaopokea pensheni hawawezi kupata ruzuku." : "People who already receive a pension cannot get the grant.",
      },
      {
        id: "no_other_transfer",
        passed: noOther,
        reason: noOther
          ? sw ? "Hupokei pesa nyingine za serikali." : "You get no other government cash transfer."
          : sw
            ? "Tayari unapokea pesa nyingine za serikali; mtu hupata mpango mmoja tu."
            : "You already get another government cash transfer; a person can get only one.",
      },
      {
        id: "national_id",
        passed: id,
        reason: id
          ? sw ? "Una kitambulisho cha taifa." : "You have a national ID card."
          : sw ? "Unahitaji kitambulisho cha taifa ili kujisajili." : "You need a national ID card to register.",
      },
    ],
  };
}

function disabilityGrant(f: Profile, sw: boolean): HandResult {
  const disability = f.has_disability;
  const residency = f.residency_status === "citizen" || f.residency_status === "refugee";
  const registry = f.in_poverty_registry;
  const noOther = !f.covered_by.includes("old_age_grant") && !f.covered_by.includes("hsnp") && !f.covered_by.includes("ct_ovc");
  const age = f.age <= 69;
  return {
    scheme: "disability_grant",
    status: disability && residency && registry && noOther && age ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "disability",
        passed: disability,
        reason: disability
          ? sw ? "Una ulemavu." : "You have a disability."
          : sw ? "Pesa hizi ni kwa watu wenye ulemavu." : "The transfer is for persons with a disability.",
      },
      {
        id: "residency",
        passed: residency,
        reason: residency
          ? sw ? "Raia na wakimbizi wanaweza kupata pesa hizi." : "Citizens and refugees can get the transfer."
          : sw ? "Raia na wakimbizi pekee wanaweza kupata pesa hizi." : "Only citizens and refugees can get the transfer.",
      },
      {
        id: "registry",
        passed: registry,
        reason: registry
          ? sw ? "Kaya yako iko katika Sajili Moja." : "Your household is in the Single Registry."
          : sw ? "Kaya yako lazima iwe katika Sajili Moja." : "Your household must be in the Single Registry.",
      },
      {
        id: "no_other_transfer",
        passed: noOther,
        reason: noOther
          ? sw ? "Hupokei pesa nyingine za serikali." : "You get no other government cash transfer."
          : sw ? "Tayari unapokea pesa nyingine za serikali." : "You already get another government cash transfer.",
      },
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}, chini ya umri wa ruzuku ya wazee.` : `You are ${f.age}, under the older persons grant age.`
          : sw ? `Una miaka ${f.age}; kuanzia 69 ruzuku ya wazee ndiyo inahusika.` : `You are ${f.age}; from 69 the older persons grant applies instead.`,
      },
    ],
  };
}

function maternityCash(f: Profile, sw: boolean): HandResult {
  const female = f.sex === "female";
  const pregnant = f.is_pregnant;
  const age = f.age >= 15 && f.age <= 49;
  const income = f.monthly_income <= 30000;
  const resident = f.residency_status === "citizen" || f.residency_status === "resident";
  return {
    scheme: "maternity_cash",
    status: female && pregnant && age && income && resident ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "female",
        passed: female,
        reason: female
          ? sw ? "Msaada huu ni kwa wanawake." : "The support is for women."
          : sw ? "Msaada huu ni kwa wanawake pekee." : "The support is only for women.",
      },
      {
        id: "pregnant",
        passed: pregnant,
        reason: pregnant
          ? sw ? "Wewe ni mjamzito." : "You are pregnant."
          : sw ? "Msaada huanza wakati wa ujauzito." : "The support starts during pregnancy.",
      },
      {
        id: "age_range",
        passed: age,
        reason: age
          ? sw ? "Umri wako uko kati ya miaka 15 na 49." : "Your age is between 15 and 49."
          : sw ? "Msaada ni kwa wanawake wenye miaka 15 hadi 49." : "The support is for women aged 15 to 49.",
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 30000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 30000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 30000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 30000.`,
      },
      {
        id: "resident",
        passed: resident,
        reason: resident
          ? sw ? "Wewe ni raia au mkazi." : "You are a citizen or a resident."
          : sw ? "Raia na wakazi pekee wanaweza kupata msaada huu." : "Only citizens and residents can get the support.",
      },
    ],
  };
}

function childSupport(f: Profile, sw: boolean): HandResult {
  const household = f.household_size >= 3;
  const poor = f.in_poverty_registry || f.monthly_income <= 10000;
  const citizen = f.residency_status === "citizen";
  const adult = f.age >= 18;
  const noOrphan = !f.covered_by.includes("ct_ovc");
  return {
    scheme: "child_support",
    status: household && poor && citizen && adult && noOrphan ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "household",
        passed: household,
        reason: household
          ? sw ? `Kaya yako ina watu ${f.household_size}.` : `Your household has ${f.household_size} people.`
          : sw ? `Kaya yako ina watu ${f.household_size}; ruzuku inahitaji angalau 3.` : `Your household has ${f.household_size} people; the grant needs at least 3.`,
      },
      {
        id: "poor",
        passed: poor,
        reason: poor
          ? sw ? "Kaya yako iko katika sajili au inapata si zaidi ya KSh 10000 kwa mwezi." : "Your household is in the registry or earns at most KSh 10000 a month."
          : sw
            ? "Ruzuku ni kwa kaya zilizo katika sajili au zinazopata si zaidi ya KSh 10000 kwa mwezi."
            : "The grant is for households in the registry or earning at most KSh 10000 a month.",
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Ruzuku ni kwa raia pekee." : "The grant is only for citizens.",
      },
      {
        id: "adult",
        passed: adult,
        reason: adult
          ? sw ? `Una miaka ${f.age}, umetimiza umri wa kupokea.` : `You are ${f.age}, old enough to be the recipient.`
          : sw ? `Una miaka ${f.age}; mpokeaji lazima awe na angalau miaka 18.` : `You are ${f.age}; the recipient must be at least 18.`,
      },
      {
        id: "no_orphan_transfer",
        passed: noOrphan,
        reason: noOrphan
          ? sw ? "Kaya yako haipokei pesa za yatima." : "Your household does not get the orphans transfer."
          : sw ? "Kaya yako tayari inapokea pesa za yatima." : "Your household already gets the orphans transfer.",
      },
    ],
  };
}

function accidentCover(f: Profile, sw: boolean): HandResult {
  const work = f.worker_type === "self_employed" || f.worker_type === "homeworker";
  const oldEnough = f.age >= 18;
  const youngEnough = f.age <= 65;
  const id = f.has_national_id;
  const income = f.monthly_income >= 3000;
  return {
    scheme: "accident_cover",
    status: work && oldEnough && youngEnough && id && income ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "work",
        passed: work,
        reason: work
          ? sw ? "Unajiajiri au unafanya kazi nyumbani." : "You work for yourself or at home."
          : sw
            ? `Bima ni kwa waliojiajiri na wanaofanya kazi nyumbani, si ${f.worker_type}.`
            : `The cover is for self-employed people and homeworkers, not ${f.worker_type}.`,
      },
      {
        id: "old_enough",
        passed: oldEnough,
        reason: oldEnough
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; wanachama lazima wawe na angalau miaka 18.` : `You are ${f.age}; members must be at least 18.`,
      },
      {
        id: "young_enough",
        passed: youngEnough,
        reason: youngEnough
          ? sw ? `Una miaka ${f.age}, si zaidi ya 65.` : `You are ${f.age}, not above 65.`
          : sw ? `Una miaka ${f.age}; wanachama wapya lazima wawe na miaka 65 au chini.` : `You are ${f.age}; new members must be 65 or younger.`,
      },
      {
        id: "national_id",
        passed: id,
        reason: id
          ? sw ? "Una kitambulisho cha taifa." : "You have a national ID card."
          : sw ? "Unahitaji kitambulisho cha taifa ili kujisajili." : "You need a national ID card to register.",
      },
      {
        id: "some_income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanaweza kulipa ada.` : `Your monthly income of KSh ${f.monthly_income} can pay the premium.`
          : sw
            ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} ni chini ya KSh 3000 zinazohitajika kwa ada.`
            : `Your monthly income of KSh ${f.monthly_income} is below the KSh 3000 needed for the premium.`,
      },
    ],
  };
}

function homeworkerProtection(f: Profile, sw: boolean): HandResult {
  const homeworker = f.worker_type === "homeworker";
  const age = f.age >= 16;
  const lawful = f.residency_status !== "other";
  const account = f.has_bank_account;
  const noEmployer = !f.covered_by.includes("employer_health") && !f.covered_by.includes("employer_pension");
  return {
    scheme: "homeworker_protection",
    status: homeworker && age && lawful && account && noEmployer ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "homeworker",
        passed: homeworker,
        reason: homeworker
          ? sw ? "Unafanya kazi nyumbani kwa mkandarasi." : "You work at home for a contractor."
          : sw
            ? `Usajili ni kwa wafanyakazi wa nyumbani wanaolipwa na mkandarasi; ulisema ${f.worker_type}.`
            : `Registration is for homeworkers paid by a contractor; you said ${f.worker_type}.`,
      },
      {
        id: "working_age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}, umri wa kufanya kazi.` : `You are ${f.age}, of working age.`
          : sw ? `Una miaka ${f.age}; umri wa chini wa kufanya kazi ni 16.` : `You are ${f.age}; the minimum working age is 16.`,
      },
      {
        id: "lawful_residence",
        passed: lawful,
        reason: lawful
          ? sw ? "Unaishi hapa kihalali." : "You live here lawfully."
          : sw ? "Unahitaji ukaazi halali ili kujisajili." : "You need lawful residence to register.",
      },
      {
        id: "account",
        passed: account,
        reason: account
          ? sw ? "Una akaunti ya malipo ya kazi." : "You have an account for piece-rate payments."
          : sw ? "Fungua akaunti ya benki au ya pesa kwa simu kwanza." : "Open a bank or mobile-money account first.",
      },
      {
        id: "not_employee_cover",
        passed: noEmployer,
        reason: noEmployer
          ? sw ? "Hakuna mwajiri anayekuhudumia." : "No employer covers you."
          : sw ? "Mwajiri tayari anakuhudumia, kwa hivyo wewe ni mwajiriwa." : "An employer already covers you, so you are an employee.",
      },
    ],
  };
}

function pensionTopup(f: Profile, sw: boolean): HandResult {
  const noTax = !f.income_tax_payer;
  const age = f.age >= 30 && f.age <= 59;
  const income = f.monthly_income <= 25000;
  const noPension = !f.receives_pension;
  const citizen = f.residency_status === "citizen";
  return {
    scheme: "pension_topup",
    status: noTax && age && income && noPension && citizen ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "no_income_tax",
        passed: noTax,
        reason: noTax
          ? sw ? "Hulipi kodi ya mapato." : "You do not pay income tax."
          : sw ? "Nyongeza ni kwa watu wasiolipa kodi ya mapato." : "The top-up is for people who do not pay income tax.",
      },
      {
        id: "age_range",
        passed: age,
        reason: age
          ? sw ? "Umri wako uko kati ya miaka 30 na 59." : "Your age is between 30 and 59."
          : sw ? "Nyongeza ni kwa wanaoweka akiba wenye miaka 30 hadi 59." : "The top-up is for savers aged 30 to 59.",
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 25000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 25000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 25000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 25000.`,
      },
      {
        id: "no_pension",
        passed: noPension,
        reason: noPension
          ? sw ? "Bado hupokei pensheni." : "You do not receive a pension yet."
          : sw ? "Tayari unapokea pensheni." : "You already receive a pension.",
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Nyongeza ni kwa raia pekee." : "The top-up is only for citizens.",
      },
    ],
  };
}

function aridSafetyNet(f: Profile, sw: boolean): HandResult {
  const county = f.region === "turkana" || f.region === "marsabit" || f.region === "mandera" || f.region === "wajir";
  const registry = f.in_poverty_registry;
  const household = f.household_size >= 2;
  const noOther = !f.covered_by.includes("old_age_grant") && !f.covered_by.includes("disability_grant") && !f.covered_by.includes("hsnp");
  const residency = f.residency_status === "citizen" || f.residency_status === "refugee";
  return {
    scheme: "arid_safety_net",
    status: county && registry && household && noOther && residency ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "county",
        passed: county,
        reason: county
          ? sw ? `Unaishi ${f.region}, mojawapo ya kaunti za mpango.` : `You live in ${f.region}, one of the programme counties.`
          : sw ? "Mpango unaendeshwa tu katika turkana, marsabit, mandera, wajir." : "The programme runs only in turkana, marsabit, mandera, wajir.",
      },
      {
        id: "registry",
        passed: registry,
        reason: registry
          ? sw ? "Kaya yako iko katika Sajili Moja." : "Your household is in the Single Registry."
          : sw ? "Kaya yako lazima iwe katika Sajili Moja." : "Your household must be in the Single Registry.",
      },
      {
        id: "household",
        passed: household,
        reason: household
          ? sw ? `Kaya yako ina watu ${f.household_size}.` : `Your household has ${f.household_size} people.`
          : sw ? "Mpango ni kwa kaya za watu 2 au zaidi." : "The programme is for households of 2 or more.",
      },
      {
        id: "no_other_transfer",
        passed: noOther,
        reason: noOther
          ? sw ? "Hupokei pesa nyingine za serikali." : "You get no other government cash transfer."
          : sw ? "Tayari unapokea pesa nyingine za serikali." : "You already get another government cash transfer.",
      },
      {
        id: "residency",
        passed: residency,
        reason: residency
          ? sw ? "Raia na wakimbizi wanaweza kupata pesa hizi." : "Citizens and refugees can get the transfer."
          : sw ? "Raia na wakimbizi pekee wanaweza kupata pesa hizi." : "Only citizens and refugees can get the transfer.",
      },
    ],
  };
}

function nutritionSupport(f: Profile, sw: boolean): HandResult {
  const female = f.sex === "female";
  const family = f.is_pregnant || f.household_size >= 4;
  const income = f.monthly_income <= 20000;
  const age = f.age <= 45;
  const registry = f.in_poverty_registry;
  return {
    scheme: "nutrition_support",
    status: female && family && income && age && registry ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "female",
        passed: female,
        reason: female
          ? sw ? "Vocha ni kwa wanawake." : "The vouchers are for women."
          : sw ? "Vocha ni kwa wanawake pekee." : "The vouchers are only for women.",
      },
      {
        id: "pregnant_or_family",
        passed: family,
        reason: family
          ? sw ? "Wewe ni mjamzito au unatunza kaya ya watu 4 au zaidi." : "You are pregnant or care for a household of 4 or more."
          : sw ? "Vocha ni kwa wanawake wajawazito au kaya za watu 4 au zaidi." : "The vouchers are for pregnant women or households of 4 or more.",
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 20000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 20000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 20000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 20000.`,
      },
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; vocha ni kwa wanawake hadi miaka 45.` : `You are ${f.age}; the vouchers are for women up to 45.`,
      },
      {
        id: "registry",
        passed: registry,
        reason: registry
          ? sw ? "Kaya yako iko katika Sajili Moja." : "Your household is in the Single Registry."
          : sw ? "Kaya yako lazima iwe katika Sajili Moja." : "Your household must be in the Single Registry.",
      },
    ],
  };
}

function youthEnterprise(f: Profile, sw: boolean): HandResult {
  const oldEnough = f.age >= 18;
  const youngEnough = f.age <= 35;
  const business = f.worker_type === "self_employed" || f.worker_type === "unpaid_family_worker";
  const citizen = f.residency_status === "citizen";
  const id = f.has_national_id;
  return {
    scheme: "youth_enterprise",
    status: oldEnough && youngEnough && business && citizen && id ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "old_enough",
        passed: oldEnough,
        reason: oldEnough
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; wakopaji lazima wawe na angalau miaka 18.` : `You are ${f.age}; borrowers must be at least 18.`,
      },
      {
        id: "young_enough",
        passed: youngEnough,
        reason: youngEnough
          ? sw ? `Una miaka ${f.age}, ndani ya umri wa ujana wa miaka 35 au chini.` : `You are ${f.age}, within the youth age of 35 or under.`
          : sw ? `Una miaka ${f.age}; mfuko ni kwa vijana wenye miaka 35 au chini.` : `You are ${f.age}; the fund is for youth aged 35 or under.`,
      },
      {
        id: "business",
        passed: business,
        reason: business
          ? sw ? "Unaendesha au kusaidia katika biashara." : "You run or help in a business."
          : sw ? `Mkopo ni kwa watu wenye biashara, si ${f.worker_type}.` : `The loan is for people running a business, not ${f.worker_type}.`,
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Mfuko unakopesha raia pekee." : "The fund lends only to citizens.",
      },
      {
        id: "national_id",
        passed: id,
        reason: id
          ? sw ? "Una kitambulisho cha taifa." : "You have a national ID card."
          : sw ? "Unahitaji kitambulisho cha taifa ili kukopa." : "You need a national ID card to borrow.",
      },
    ],
  };
}

function elderlyHealth(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 60;
  const noCover = !f.covered_by.includes("employer_health") && !f.covered_by.includes("private_insurance");
  const citizen = f.residency_status === "citizen";
  const income = f.monthly_income <= 15000;
  const noPension = !f.receives_pension;
  return {
    scheme: "elderly_health",
    status: age && noCover && citizen && income && noPension ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}: bima ni ya watu wenye miaka 60 au zaidi.` : `You are ${f.age}: the cover is for people aged 60 and above.`
          : sw ? `Una miaka ${f.age}; bima huanza katika umri wa miaka 60.` : `You are ${f.age}; the cover starts at age 60.`,
      },
      {
        id: "no_other_cover",
        passed: noCover,
        reason: noCover
          ? sw ? "Huna bima nyingine ya afya." : "You have no other health cover."
          : sw ? "Tayari una bima ya afya kupitia mwajiri au kampuni ya bima." : "You already have health cover through an employer or an insurer.",
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Bima ya bure ni kwa raia pekee." : "The free cover is only for citizens.",
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 15000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 15000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 15000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 15000.`,
      },
      {
        id: "no_pension",
        passed: noPension,
        reason: noPension
          ? sw ? "Hupokei pensheni." : "You do not receive a pension."
          : sw ? "Wastaafu wanahudumiwa na mpango wao wa pensheni." : "Pensioners are covered by their pension scheme.",
      },
    ],
  };
}

function savingsMatch(f: Profile, sw: boolean): HandResult {
  const work =
    f.worker_type === "self_employed" || f.worker_type === "homeworker" || f.worker_type === "unpaid_family_worker" || f.worker_type === "other";
  const floor = f.monthly_income >= 2000;
  const ceiling = f.monthly_income <= 40000;
  const age = f.age <= 55;
  const account = f.has_bank_account;
  return {
    scheme: "savings_match",
    status: work && floor && ceiling && age && account ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "informal_work",
        passed: work,
        reason: work
          ? sw ? `Aina yako ya kazi (${f.worker_type}) inahusika.` : `Your kind of work (${f.worker_type}) is covered.`
          : sw ? `Mpango ni kwa wafanyakazi wasio rasmi, si ${f.worker_type}.` : `The match is for informal workers, not ${f.worker_type}.`,
      },
      {
        id: "income_floor",
        passed: floor,
        reason: floor
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} ni angalau KSh 2000.` : `Your monthly income of KSh ${f.monthly_income} is at least KSh 2000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} ni chini ya KSh 2000.` : `Your monthly income of KSh ${f.monthly_income} is below KSh 2000.`,
      },
      {
        id: "income_ceiling",
        passed: ceiling,
        reason: ceiling
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 40000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 40000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 40000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 40000.`,
      },
      {
        id: "age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; wanaoweka akiba lazima wawe na miaka 55 au chini.` : `You are ${f.age}; savers must be 55 or younger.`,
      },
      {
        id: "account",
        passed: account,
        reason: account
          ? sw ? "Una akaunti ya benki au ya pesa kwa simu." : "You have a bank or mobile-money account."
          : sw ? "Unahitaji akaunti ya benki au ya pesa kwa simu." : "You need a bank or mobile-money account.",
      },
    ],
  };
}

function disabilityHealth(f: Profile, sw: boolean): HandResult {
  const disability = f.has_disability;
  const noPrivate = !f.covered_by.includes("private_insurance");
  const lawful = f.residency_status !== "other";
  const lowIncome = f.in_poverty_registry || f.monthly_income <= 20000;
  const noTax = !f.income_tax_payer;
  return {
    scheme: "disability_health",
    status: disability && noPrivate && lawful && lowIncome && noTax ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "disability",
        passed: disability,
        reason: disability
          ? sw ? "Una ulemavu." : "You have a disability."
          : sw ? "Bima ni kwa watu wenye ulemavu." : "The cover is for persons with a disability.",
      },
      {
        id: "no_private_cover",
        passed: noPrivate,
        reason: noPrivate
          ? sw ? "Huna bima ya afya ya kibinafsi." : "You have no private health insurance."
          : sw ? "Tayari una bima ya afya ya kibinafsi." : "You already have private health insurance.",
      },
      {
        id: "lawful_residence",
        passed: lawful,
        reason: lawful
          ? sw ? "Unaishi hapa kihalali." : "You live here lawfully."
          : sw ? "Unahitaji ukaazi halali ili kujiunga." : "You need lawful residence to join.",
      },
      {
        id: "low_income",
        passed: lowIncome,
        reason: lowIncome
          ? sw ? "Uko katika sajili au unapata si zaidi ya KSh 20000 kwa mwezi." : "You are in the registry or earn at most KSh 20000 a month."
          : sw
            ? "Bima ya bure ni kwa watu walio katika sajili au wanaopata si zaidi ya KSh 20000 kwa mwezi."
            : "The free cover is for people in the registry or earning at most KSh 20000 a month.",
      },
      {
        id: "no_income_tax",
        passed: noTax,
        reason: noTax
          ? sw ? "Hulipi kodi ya mapato." : "You do not pay income tax."
          : sw ? "Walipa kodi ya mapato hulipia bima yao wenyewe." : "Income tax payers pay for their own cover.",
      },
    ],
  };
}

function workInjury(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 16;
  const employee = f.worker_type === "employee";
  const income = !employee || f.monthly_income <= 30000;
  const residency = f.residency_status === "citizen" || f.residency_status === "resident" || f.residency_status === "refugee";
  const noEmployer = !f.covered_by.includes("employer_health");
  const id = f.has_national_id;
  return {
    scheme: "work_injury",
    status: age && income && residency && noEmployer && id ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "working_age",
        passed: age,
        reason: age
          ? sw ? `Una miaka ${f.age}, umri wa kufanya kazi.` : `You are ${f.age}, of working age.`
          : sw ? `Una miaka ${f.age}; umri wa chini wa kufanya kazi ni 16.` : `You are ${f.age}; the minimum working age is 16.`,
      },
      {
        id: "employee_income",
        passed: income,
        reason: !employee
          ? sw ? "Kikomo cha mapato kinawahusu waajiriwa pekee." : "The income limit applies only to employees."
          : income
            ? sw
              ? `Kama mwajiriwa unayepata KSh ${f.monthly_income} kwa mwezi, uko ndani ya kikomo cha KSh 30000.`
              : `As an employee earning KSh ${f.monthly_income} a month, you are within the KSh 30000 limit.`
            : sw
              ? "Waajiriwa wanaopata zaidi ya KSh 30000 kwa mwezi wanahudumiwa na mwajiri wao."
              : "Employees earning more than KSh 30000 a month are covered by their employer.",
      },
      {
        id: "residency",
        passed: residency,
        reason: residency
          ? sw ? "Unaishi hapa kihalali." : "You live here lawfully."
          : sw ? "Unahitaji ukaazi halali ili kujiunga." : "You need lawful residence to join.",
      },
      {
        id: "no_employer_cover",
        passed: noEmployer,
        reason: noEmployer
          ? sw ? "Hakuna mwajiri anayekuwekea bima." : "No employer insures you."
          : sw ? "Mwajiri wako tayari anakuwekea bima." : "Your employer already insures you.",
      },
      {
        id: "national_id",
        passed: id,
        reason: id
          ? sw ? "Una kitambulisho cha taifa." : "You have a national ID card."
          : sw ? "Unahitaji kitambulisho cha taifa ili kujisajili." : "You need a national ID card to register.",
      },
    ],
  };
}

function gigPension(f: Profile, sw: boolean): HandResult {
  const notEmployee = f.worker_type !== "employee";
  const age = f.age >= 18 && f.age <= 64;
  const noPension = !f.receives_pension;
  const noTax = !f.income_tax_payer;
  const citizen = f.residency_status === "citizen";
  return {
    scheme: "gig_pension",
    status: notEmployee && age && noPension && noTax && citizen ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "not_employee",
        passed: notEmployee,
        reason: notEmployee
          ? sw ? "Wewe si mwajiriwa wa mtu yeyote." : "You are not anyone's employee."
          : sw ? "Waajiriwa hujiunga kupitia mwajiri wao." : "Employees join through their employer.",
      },
      {
        id: "age_range",
        passed: age,
        reason: age
          ? sw ? "Umri wako uko kati ya miaka 18 na 64." : "Your age is between 18 and 64."
          : sw ? "Wanachama wapya lazima wawe na umri kati ya miaka 18 na 64." : "New members must be between 18 and 64 years old.",
      },
      {
        id: "no_pension",
        passed: noPension,
        reason: noPension
          ? sw ? "Hupokei pensheni." : "You do not receive a pension."
          : sw ? "Watu wanaopokea pensheni hawawezi kujiunga." : "People who already receive a pension cannot join.",
      },
      {
        id: "no_income_tax",
        passed: noTax,
        reason: noTax
          ? sw ? "Hulipi kodi ya mapato." : "You do not pay income tax."
          : sw
            ? "Walipa kodi ya mapato huweka akiba kupitia pensheni yenye nafuu ya kodi."
            : "Income tax payers save through the tax-relief pension instead.",
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Raia pekee wanaweza kujiunga." : "Only citizens can join.",
      },
    ],
  };
}

function refugeeHealth(f: Profile, sw: boolean): HandResult {
  const refugee = f.residency_status === "refugee";
  const noCover = !f.covered_by.includes("employer_health") && !f.covered_by.includes("private_insurance");
  const income = f.monthly_income <= 20000;
  const adult = f.age >= 18;
  const account = f.has_bank_account;
  return {
    scheme: "refugee_health",
    status: refugee && noCover && income && adult && account ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "refugee",
        passed: refugee,
        reason: refugee
          ? sw ? "Wewe ni mkimbizi aliyesajiliwa." : "You are a registered refugee."
          : sw ? "Bima ni kwa wakimbizi pekee." : "The cover is only for refugees.",
      },
      {
        id: "no_other_cover",
        passed: noCover,
        reason: noCover
          ? sw ? "Huna bima nyingine ya afya." : "You have no other health cover."
          : sw ? "Tayari una bima ya afya." : "You already have health cover.",
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 20000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 20000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 20000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 20000.`,
      },
      {
        id: "adult",
        passed: adult,
        reason: adult
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; watoto hupata bima kupitia mzazi.` : `You are ${f.age}; children are covered through a parent.`,
      },
      {
        id: "account",
        passed: account,
        reason: account
          ? sw ? "Una akaunti ya kulipia ada." : "You have an account to pay the premium from."
          : sw ? "Unahitaji akaunti ya benki au ya pesa kwa simu ili kulipa ada." : "You need a bank or mobile-money account to pay the premium.",
      },
    ],
  };
}

function skillsStipend(f: Profile, sw: boolean): HandResult {
  const age = f.age >= 16 && f.age <= 30;
  const work = f.worker_type === "unpaid_family_worker" || f.worker_type === "homeworker" || f.worker_type === "other";
  const income = f.monthly_income <= 8000;
  const citizen = f.residency_status === "citizen";
  const id = f.has_national_id;
  return {
    scheme: "skills_stipend",
    status: age && work && income && citizen && id ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "age_range",
        passed: age,
        reason: age
          ? sw ? "Umri wako uko kati ya miaka 16 na 30." : "Your age is between 16 and 30."
          : sw ? "Posho ni kwa watu wenye miaka 16 hadi 30." : "The stipend is for people aged 16 to 30.",
      },
      {
        id: "work",
        passed: work,
        reason: work
          ? sw ? `Aina yako ya kazi (${f.worker_type}) inakubalika.` : `Your kind of work (${f.worker_type}) qualifies.`
          : sw
            ? `Posho ni kwa wafanyakazi wa nyumbani, wasaidizi wa familia na wengine wasio na ufundi, si ${f.worker_type}.`
            : `The stipend is for homeworkers, family helpers and others without a trade, not ${f.worker_type}.`,
      },
      {
        id: "income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} hayazidi KSh 8000.` : `Your monthly income of KSh ${f.monthly_income} is at most KSh 8000.`
          : sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanazidi KSh 8000.` : `Your monthly income of KSh ${f.monthly_income} is above KSh 8000.`,
      },
      {
        id: "citizen",
        passed: citizen,
        reason: citizen
          ? sw ? "Wewe ni raia." : "You are a citizen."
          : sw ? "Posho ni kwa raia pekee." : "The stipend is only for citizens.",
      },
      {
        id: "national_id",
        passed: id,
        reason: id
          ? sw ? "Una kitambulisho cha taifa." : "You have a national ID card."
          : sw ? "Unahitaji kitambulisho cha taifa ili kujiandikisha." : "You need a national ID card to enrol.",
      },
    ],
  };
}

function funeralCover(f: Profile, sw: boolean): HandResult {
  const oldEnough = f.age >= 18;
  const youngEnough = f.age <= 75;
  const account = f.has_bank_account;
  const noPrivate = !f.covered_by.includes("private_insurance");
  const income = f.monthly_income >= 1000;
  return {
    scheme: "funeral_cover",
    status: oldEnough && youngEnough && account && noPrivate && income ? "eligible" : "not_eligible",
    criteria: [
      {
        id: "old_enough",
        passed: oldEnough,
        reason: oldEnough
          ? sw ? `Una miaka ${f.age}.` : `You are ${f.age}.`
          : sw ? `Una miaka ${f.age}; wanachama lazima wawe na angalau miaka 18.` : `You are ${f.age}; members must be at least 18.`,
      },
      {
        id: "young_enough",
        passed: youngEnough,
        reason: youngEnough
          ? sw ? `Una miaka ${f.age}, si zaidi ya 75.` : `You are ${f.age}, not above 75.`
          : sw ? `Una miaka ${f.age}; wanachama wapya lazima wawe na miaka 75 au chini.` : `You are ${f.age}; new members must be 75 or younger.`,
      },
      {
        id: "account",
        passed: account,
        reason: account
          ? sw ? "Una akaunti ya ada." : "You have an account for the premium."
          : sw ? "Unahitaji akaunti ya benki au ya pesa kwa simu kwa ajili ya ada." : "You need a bank or mobile-money account for the premium.",
      },
      {
        id: "no_private_cover",
        passed: noPrivate,
        reason: noPrivate
          ? sw ? "Huna bima ya kibinafsi." : "You have no private insurance."
          : sw ? "Bima yako ya kibinafsi tayari ina bima ya mazishi." : "Your private insurance already includes funeral cover.",
      },
      {
        id: "some_income",
        passed: income,
        reason: income
          ? sw ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} yanaweza kulipa ada.` : `Your monthly income of KSh ${f.monthly_income} can pay the premium.`
          : sw
            ? `Mapato yako ya mwezi ya KSh ${f.monthly_income} ni chini ya KSh 1000 zinazohitajika kwa ada.`
            : `Your monthly income of KSh ${f.monthly_income} is below the KSh 1000 needed for the premium.`,
      },
    ],
  };
}

/** The 20 schemes in the pack's order. */
export const HANDWRITTEN_SCHEMES: readonly SchemeFn[] = [
  healthInformal,
  microPension,
  oldAgeGrant,
  disabilityGrant,
  maternityCash,
  childSupport,
  accidentCover,
  homeworkerProtection,
  pensionTopup,
  aridSafetyNet,
  nutritionSupport,
  youthEnterprise,
  elderlyHealth,
  savingsMatch,
  disabilityHealth,
  workInjury,
  gigPension,
  refugeeHealth,
  skillsStipend,
  funeralCover,
];

/** Every scheme for one member, in English or Swahili (`lang` other than "sw" gives English). */
export function evaluateHandwritten(f: Profile, lang: string): HandResult[] {
  const sw = lang === "sw";
  const out: HandResult[] = new Array(HANDWRITTEN_SCHEMES.length);
  for (let i = 0; i < HANDWRITTEN_SCHEMES.length; i++) out[i] = HANDWRITTEN_SCHEMES[i]!(f, sw);
  return out;
}
