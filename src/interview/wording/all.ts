/** Every language's interview words, for the Worker and for tools (the browser loads one at a time instead). */
import { addWording } from "./index";
import bn from "./bn";
import fil from "./fil";
import hi from "./hi";
import id from "./id";
import ne from "./ne";
import sw from "./sw";
import th from "./th";
import ur from "./ur";

const ALL = { sw, th, fil, hi, id, ne, ur, bn };
for (const [lang, wording] of Object.entries(ALL)) addWording(lang, wording);

/** The languages whose words exist, English included. */
export const WORDING_LANGS = ["en", ...Object.keys(ALL)];
