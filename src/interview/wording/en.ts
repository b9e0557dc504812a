/** The interview's own words in English: the fallback for every other language, and the shape they all share. */
import type { LanguageWording } from "./types";

const wording: LanguageWording = {
  "questions": {
    "age": "How old are you?",
    "birth_date": "What is your date of birth?",
    "worker_type": "What kind of work do you do?",
    "residency_status": "Are you a citizen of this country?",
    "monthly_income": "About how much money do you earn in a month?",
    "covered_by": "Are you already a member of any of these? Tick all that apply.",
    "receives_pension": "Do you get a pension?",
    "in_poverty_registry": "Is your household on the government's list of poor households?",
    "income_tax_payer": "Do you pay income tax, or have you ever paid it?",
    "has_national_id": "Do you have a national ID card?",
    "sex": "Are you a woman or a man?",
    "is_pregnant": "Are you pregnant?",
    "has_disability": "Do you have a disability?",
    "household_size": "How many people live in your household, with you?",
    "has_bank_account": "Do you have a bank account or a mobile money account?",
    "region": "Where do you live?",
    "household_monthly_income": "About how much money does your whole household earn in a month?",
    "marital_status": "Are you married?",
    "children_count": "How many children under 18 do you look after?",
    "youngest_child_age": "How old is your youngest child?"
  },
  "document_questions": {
    "has_national_id": "Do you have your {document}?"
  },
  "hints": {
    "monthly_income": "Your own earnings, before anything is taken off. A rough figure is fine.",
    "in_poverty_registry": "For example if a social worker has visited and listed your household.",
    "income_tax_payer": "Most people who work at home do not pay income tax.",
    "household_monthly_income": "Everyone's earnings together, before anything is taken off. A rough figure is fine.",
    "youngest_child_age": "In whole years. Write 0 for a baby under one year."
  },
  "options": {
    "worker_type": {
      "self_employed": "I make or sell my own goods",
      "homeworker": "A trader, company or middleman pays me per piece",
      "employee": "An employer pays me a wage",
      "unpaid_family_worker": "I help in a family business without pay",
      "other": "Other work"
    },
    "residency_status": {
      "citizen": "Yes, I am a citizen",
      "resident": "No, but I live here legally",
      "refugee": "I am a refugee",
      "other": "Other"
    },
    "sex": {
      "female": "Woman",
      "male": "Man",
      "other": "Other"
    },
    "marital_status": {
      "never_married": "I have never been married",
      "married": "I am married",
      "widowed": "My husband has died (widow)",
      "divorced_or_separated": "I am divorced or separated, or my husband has left"
    }
  },
  "issues": {
    "ambiguous_number": "Did you mean {a} or {b}? Tap the one you meant.",
    "required": "Please give an answer, or tap \"I don't know\".",
    "not_an_object": "The answers must be a set of fact names and values.",
    "unknown_fact": "\"{fact}\" is not a question of this country's check.",
    "not_yes_no": "Please choose yes or no.",
    "not_a_number": "Please write a number, for example 8000.",
    "not_whole": "Please write a whole number, without a decimal point.",
    "too_small": "The number must be at least {min}.",
    "too_large": "The number must be at most {max}.",
    "not_a_date": "Please give a real date (day, month and year).",
    "birth_after_date": "A date of birth cannot be after {date}.",
    "birth_too_early": "This date of birth is more than 130 years ago.",
    "not_an_option": "Please choose one of the answers shown.",
    "not_a_list": "Please tick the answers that apply, or \"None of these\".",
    "unknown_codes": "Some answers are not on the list: {codes}.",
    "repeated_code": "An answer is ticked twice.",
    "too_long": "This answer is too long.",
    "age_birth_mismatch": "Your age ({age}) and your date of birth ({birth_date}) do not agree. Please give only one of them.",
    "too_many_issues": "There are more problems ({count} in all); only the first ones are listed."
  }
};

export default wording;
