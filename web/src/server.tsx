/**
 * The member's pages rendered on the server, for the Worker (browsers without JavaScript, first loads): the same
 * screens as the browser app, as full HTML documents, implementing src/present/pages.ts.
 */
import { render } from "preact-render-to-string";
import type { InterviewPage, PageRenderer } from "../../src/present/pages";
import { COUNTRIES } from "../../src/rules/generated/countries";
import { messagesFor } from "./i18n/all";
import { Home } from "./ui/home";
import { ErrorScreen } from "./ui/error";
import { Frame } from "./ui/page";
import { FlowScreen, flowModel } from "./ui/screen";
import { shell } from "./ui/shell";

export const pages: PageRenderer = {
  home(lang) {
    const m = messagesFor(lang);
    const body = render(
      <Frame m={m}>
        <Home m={m} lang={lang} countries={COUNTRIES} onPhone={false} />
      </Frame>,
    );
    return shell({ lang, title: m.app_title, body, boot: { page: "home", lang } });
  },

  interview({ engine, state, screen, evaluation, date }: InterviewPage) {
    const m = messagesFor(state.lang);
    const model = flowModel({ m, engine, state, date, onPhone: false, forced: screen, evaluation });
    const body = render(
      <Frame m={m}>
        <FlowScreen {...model} />
      </Frame>,
    );
    return shell({ lang: state.lang, title: m.app_title, body, boot: { page: "flow", lang: state.lang, flow: { state, screen } } });
  },

  error(status, lang) {
    const m = messagesFor(lang);
    const body = render(
      <Frame m={m}>
        <ErrorScreen m={m} status={status} />
      </Frame>,
    );
    return shell({ lang, title: m.app_title, body, boot: { page: "home", lang } });
  },
};
