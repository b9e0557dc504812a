/** The first screen: what this is, and a country and language to start with (one tap for both). */
import { LANGUAGES } from "../i18n";
import { About } from "./common";
import type { HomeModel } from "./model";

export function Home({ m, lang, countries, onStart, onPhone, remembered }: HomeModel) {
  const again = remembered && countries.find((c) => c.code === remembered.country && c.languages.includes(remembered.lang));
  return (
    <main id="main">
      <h1>{m.app_title}</h1>
      <p class="lead">{m.app_intro}</p>
      {again && remembered ? (
        <p>
          <a
            class="button primary"
            href={`/check?country=${again.code}&lang=${remembered.lang}`}
            lang={remembered.lang}
            onClick={
              onStart
                ? (e) => {
                    e.preventDefault();
                    onStart(again.code, remembered.lang);
                  }
                : undefined
            }
          >
            {m.start}: {again.name[remembered.lang] ?? again.name.en} · {LANGUAGES[remembered.lang]?.native ?? remembered.lang}
          </a>
        </p>
      ) : null}
      <h2>{m.choose_country}</h2>
      <ul class="countries">
        {countries.map((c) => (
          <li key={c.code}>
            <span class="country-name">{c.name[lang] ?? c.name.en}</span>
            <span class="langs">
              {c.languages.map((l) => (
                <a
                  class="button"
                  href={`/check?country=${c.code}&lang=${l}`}
                  lang={l}
                  hreflang={l}
                  onClick={
                    onStart
                      ? (e) => {
                          e.preventDefault();
                          onStart(c.code, l);
                        }
                      : undefined
                  }
                >
                  {LANGUAGES[l]?.native ?? l}
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
      <About m={m} onPhone={onPhone} />
    </main>
  );
}
