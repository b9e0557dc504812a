/** The page around every screen: a header linking home, an offline notice, and the screen itself. */
import type { ComponentChildren } from "preact";
import type { Messages } from "../i18n";

export function Frame({ m, children, offline }: { m: Messages; children: ComponentChildren; offline?: string }) {
  return (
    <>
      <header class="top">
        <a href="/" class="home-link">
          {m.app_title}
        </a>
      </header>
      {offline ? (
        <p class="offline" role="status">
          {offline}
        </p>
      ) : null}
      {children}
    </>
  );
}
