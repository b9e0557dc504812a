/** The shape of the interview's words in one language (every language file has it; English is complete). */
import type { IssueCode } from "../issues";

export interface LanguageWording {
  /** The question for each fact of the common vocabulary. */
  questions: Record<string, string>;
  /**
   * Questions about the country's identity document, with `{document}` for its name as the country's rules give
   * it (Aadhaar in India, the CNIC in Pakistan, the citizenship certificate in Nepal).
   */
  document_questions: Record<string, string>;
  /** A short hint under some questions. */
  hints: Record<string, string>;
  /** The name of each value of the vocabulary's choices (worker_type, residency_status, sex, marital_status). */
  options: Record<string, Record<string, string>>;
  /** A sentence for each issue code; `{name}` is filled from the issue's parameters. */
  issues: Partial<Record<IssueCode, string>>;
}
