/** An error or notice a member can read, in her language, with the way back to the first page. */
import type { Messages } from "../i18n";

const TEXT: Record<number, keyof Messages["errors"]> = { 400: "bad_request", 404: "not_found", 405: "method", 413: "too_large", 500: "server" };

export function ErrorScreen({ m, status, message }: { m: Messages; status?: number; message?: string }) {
  return (
    <main id="main">
      <h1>{message ?? m.errors[TEXT[status ?? 500] ?? "server"]}</h1>
      <p>
        <a class="button primary" href="/">
          {m.errors.go_home}
        </a>
      </p>
    </main>
  );
}
