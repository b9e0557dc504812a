/** The interview's own words in fil. Awaits review by a native speaker. */
import type { LanguageWording } from "./types";

const wording: LanguageWording = {
  "questions": {
    "age": "Ilang taon ka na?",
    "birth_date": "Kailan ka ipinanganak?",
    "worker_type": "Anong klaseng trabaho ang ginagawa mo?",
    "residency_status": "Mamamayan ka ba ng bansang ito?",
    "monthly_income": "Mga magkano ang kinikita mo sa isang buwan?",
    "covered_by": "Miyembro ka na ba ng alinman sa mga ito? Piliin lahat ng totoo sa iyo.",
    "receives_pension": "Tumatanggap ka ba ng pensyon?",
    "in_poverty_registry": "Kasama ba ang pamilya ninyo sa listahan ng gobyerno ng mahihirap na pamilya?",
    "income_tax_payer": "Nagbabayad ka ba ng income tax, o nakapagbayad ka na ba nito dati?",
    "has_national_id": "May national ID ka ba?",
    "sex": "Babae ka ba o lalaki?",
    "is_pregnant": "Buntis ka ba?",
    "has_disability": "May kapansanan ka ba?",
    "household_size": "Ilan kayong nakatira sa bahay, kasama ka?",
    "has_bank_account": "May bank account ka ba o account sa mobile money (e-wallet)?",
    "region": "Saan ka nakatira?",
    "household_monthly_income": "Mga magkano ang kinikita ng buong sambahayan ninyo sa isang buwan?",
    "marital_status": "Kasal ka ba?",
    "children_count": "Ilang batang wala pang 18 taong gulang ang inaalagaan mo?",
    "youngest_child_age": "Ilang taon na ang bunso mong anak?"
  },
  "document_questions": {
    "has_national_id": "Mayroon ka bang {document}?"
  },
  "hints": {
    "monthly_income": "Ang sarili mong kita, bago may ibawas. Puwede na ang tantiya.",
    "in_poverty_registry": "Halimbawa, kung may social worker na bumisita at inilista ang pamilya ninyo.",
    "income_tax_payer": "Karamihan sa mga nagtatrabaho sa bahay ay hindi nagbabayad ng income tax.",
    "household_monthly_income": "Pinagsamang kita ng lahat, bago may ibawas. Puwede ang tantiya.",
    "youngest_child_age": "Sa buong taon. Isulat ang 0 kung sanggol na wala pang isang taon."
  },
  "options": {
    "worker_type": {
      "self_employed": "Gumagawa o nagbebenta ako ng sarili kong produkto",
      "homeworker": "Binabayaran ako ng negosyante, kompanya o ahente kada piraso",
      "employee": "May amo na nagbabayad sa akin ng sahod",
      "unpaid_family_worker": "Tumutulong ako sa negosyo ng pamilya nang walang bayad",
      "other": "Ibang trabaho"
    },
    "residency_status": {
      "citizen": "Oo, mamamayan ako",
      "resident": "Hindi, pero legal akong nakatira dito",
      "refugee": "Refugee ako",
      "other": "Iba pa"
    },
    "sex": {
      "female": "Babae",
      "male": "Lalaki",
      "other": "Iba pa"
    },
    "marital_status": {
      "never_married": "Hindi pa ako nakapag-asawa",
      "married": "Kasal ako",
      "widowed": "Patay na ang asawa ko (balo)",
      "divorced_or_separated": "Hiwalay ako, o iniwan ako ng asawa ko"
    }
  },
  "issues": {
    "ambiguous_number": "{a} ba o {b} ang ibig mong sabihin? Pindutin ang tama.",
    "required": "Pakisagot, o pindutin ang \"Hindi ko alam\".",
    "not_an_object": "Ang mga sagot ay dapat listahan ng mga pangalan at halaga.",
    "unknown_fact": "Ang \"{fact}\" ay hindi tanong sa pagsusuri ng bansang ito.",
    "not_yes_no": "Pakipili ang oo o hindi.",
    "not_a_number": "Pakisulat ang numero, halimbawa 8000.",
    "not_whole": "Pakisulat ang buong numero, walang decimal.",
    "too_small": "Ang numero ay dapat hindi bababa sa {min}.",
    "too_large": "Ang numero ay dapat hindi hihigit sa {max}.",
    "not_a_date": "Pakibigay ang tamang petsa (araw, buwan at taon).",
    "birth_after_date": "Hindi maaaring lampas sa {date} ang petsa ng kapanganakan.",
    "birth_too_early": "Ang petsang ito ay higit 130 taon na ang nakalipas.",
    "not_an_option": "Pakipili ang isa sa mga sagot na nakalista.",
    "not_a_list": "Pakitsek ang mga sagot na akma, o \"Wala sa mga ito\".",
    "unknown_codes": "May mga sagot na wala sa listahan: {codes}.",
    "repeated_code": "May sagot na dalawang beses na-tsek.",
    "too_long": "Masyadong mahaba ang sagot na ito.",
    "age_birth_mismatch": "Hindi magkatugma ang edad mo ({age}) at petsa ng kapanganakan ({birth_date}). Isa lang ang ibigay.",
    "too_many_issues": "May iba pang problema ({count} lahat); ang mga una lang ang nakalista."
  }
};

export default wording;
