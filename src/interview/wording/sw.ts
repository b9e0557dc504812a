/** The interview's own words in sw. Awaits review by a native speaker. */
import type { LanguageWording } from "./types";

const wording: LanguageWording = {
  "questions": {
    "age": "Una umri wa miaka mingapi?",
    "birth_date": "Tarehe yako ya kuzaliwa ni ipi?",
    "worker_type": "Unafanya kazi ya aina gani?",
    "residency_status": "Je, wewe ni raia wa nchi hii?",
    "monthly_income": "Kwa mwezi, unapata pesa kiasi gani, takriban?",
    "covered_by": "Je, tayari wewe ni mwanachama wa mojawapo ya hizi? Chagua zote zinazokuhusu.",
    "receives_pension": "Je, unapokea pensheni?",
    "in_poverty_registry": "Je, familia yako iko kwenye orodha ya serikali ya familia maskini?",
    "income_tax_payer": "Je, unalipa kodi ya mapato, au umewahi kuilipa?",
    "has_national_id": "Je, una kitambulisho cha kitaifa?",
    "sex": "Wewe ni mwanamke au mwanamume?",
    "is_pregnant": "Je, wewe ni mjamzito?",
    "has_disability": "Je, una ulemavu?",
    "household_size": "Watu wangapi wanaishi nyumbani kwako, pamoja na wewe?",
    "has_bank_account": "Je, una akaunti ya benki au akaunti ya pesa kwa simu?",
    "region": "Unaishi wapi?",
    "household_monthly_income": "Kwa mwezi, familia yako yote inapata pesa kiasi gani, takriban?",
    "marital_status": "Je, umeolewa?",
    "children_count": "Unawatunza watoto wangapi walio chini ya miaka 18?",
    "youngest_child_age": "Mtoto wako mdogo kabisa ana umri gani?"
  },
  "document_questions": {
    "has_national_id": "Je, una {document}?"
  },
  "hints": {
    "monthly_income": "Mapato yako mwenyewe, kabla ya makato yoyote. Makadirio yanatosha.",
    "in_poverty_registry": "Kwa mfano, kama mfanyakazi wa ustawi wa jamii alikuja nyumbani na kuandika familia yako.",
    "income_tax_payer": "Watu wengi wanaofanya kazi nyumbani hawalipi kodi ya mapato.",
    "household_monthly_income": "Mapato ya kila mtu kwa pamoja, kabla ya makato yoyote. Makadirio yanatosha.",
    "youngest_child_age": "Kwa miaka kamili. Andika 0 kwa mtoto mchanga chini ya mwaka mmoja."
  },
  "options": {
    "worker_type": {
      "self_employed": "Ninatengeneza au kuuza bidhaa zangu mwenyewe",
      "homeworker": "Mfanyabiashara, kampuni au dalali hunilipa kwa kila kipande",
      "employee": "Mwajiri hunilipa mshahara",
      "unpaid_family_worker": "Ninasaidia katika biashara ya familia bila malipo",
      "other": "Kazi nyingine"
    },
    "residency_status": {
      "citizen": "Ndiyo, mimi ni raia",
      "resident": "Hapana, lakini ninaishi hapa kihalali",
      "refugee": "Mimi ni mkimbizi",
      "other": "Nyingine"
    },
    "sex": {
      "female": "Mwanamke",
      "male": "Mwanamume",
      "other": "Nyingine"
    },
    "marital_status": {
      "never_married": "Sijawahi kuolewa",
      "married": "Nimeolewa",
      "widowed": "Mume wangu amefariki (mjane)",
      "divorced_or_separated": "Nimetalikiwa au tumetengana, au mume wangu ameondoka"
    }
  },
  "issues": {
    "ambiguous_number": "Ulimaanisha {a} au {b}? Gusa ulichomaanisha.",
    "required": "Tafadhali toa jibu, au gusa \"Sijui\".",
    "not_an_object": "Majibu lazima yawe orodha ya majina na thamani.",
    "unknown_fact": "\"{fact}\" si swali la ukaguzi wa nchi hii.",
    "not_yes_no": "Tafadhali chagua ndiyo au hapana.",
    "not_a_number": "Tafadhali andika namba, kwa mfano 8000.",
    "not_whole": "Tafadhali andika namba kamili, bila nukta.",
    "too_small": "Namba lazima iwe angalau {min}.",
    "too_large": "Namba lazima isizidi {max}.",
    "not_a_date": "Tafadhali toa tarehe halisi (siku, mwezi na mwaka).",
    "birth_after_date": "Tarehe ya kuzaliwa haiwezi kuwa baada ya {date}.",
    "birth_too_early": "Tarehe hii ya kuzaliwa ni zaidi ya miaka 130 iliyopita.",
    "not_an_option": "Tafadhali chagua moja ya majibu yaliyoonyeshwa.",
    "not_a_list": "Tafadhali chagua majibu yanayokuhusu, au \"Hakuna kati ya hivi\".",
    "unknown_codes": "Baadhi ya majibu hayapo kwenye orodha: {codes}.",
    "repeated_code": "Jibu moja limechaguliwa mara mbili.",
    "too_long": "Jibu hili ni refu mno.",
    "age_birth_mismatch": "Umri wako ({age}) na tarehe yako ya kuzaliwa ({birth_date}) havilingani. Tafadhali toa kimoja tu.",
    "too_many_issues": "Kuna matatizo zaidi ({count} kwa jumla); ya kwanza tu ndiyo yameorodheshwa."
  }
};

export default wording;
