/** Messages on the jobs Queue, by kind. */
import type { ImportJob } from "../members/import/service";

export type Job = ImportJob;
