/** Small inline icons shown beside words, for readers with little schooling. Decorative: hidden from screen readers. */
import type { JSX } from "preact";

const PATHS: Record<string, string> = {
  health_insurance: "M10 3h4v7h7v4h-7v7h-4v-7H3v-4h7z",
  pension: "M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM4 22c0-4.4 3.6-8 8-8s8 3.6 8 8z",
  maternity: "M12 2a4 4 0 1 1 0 8 4 4 0 0 1 0-8zM6 22c0-5 2.5-10 6-10s6 5 6 10z",
  cash_transfer: "M2 6h20v12H2zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
  accident: "M12 2l9 4v6c0 5-4 9-9 10-5-1-9-5-9-10V6z",
  labour_protection: "M4 10h16v10H4zM9 4h6v6H9z",
  informal_worker: "M7 4a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm10 0a3 3 0 1 1 0 6 3 3 0 0 1 0-6zM2 20c0-3 2-6 5-6s5 3 5 6zm10 0c0-3 2-6 5-6s5 3 5 6z",
  eligible: "M9 16.2l-4.2-4.2-1.4 1.4L9 19 21 7l-1.4-1.4z",
  maybe: "M11 18h2v-2h-2zm1-16a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 4a4 4 0 0 1 4 4c0 3-4 3-4 6h-2c0-4 4-4 4-6a2 2 0 0 0-4 0H8a4 4 0 0 1 4-4z",
  no: "M19 6.4L17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19 12 13.4 17.6 19 19 17.6 13.4 12z",
  phone: "M7 2h10v20H7zm2 2v14h6V4z",
  web: "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2c1.5 2 2.5 5 2.5 8s-1 6-2.5 8c-1.5-2-2.5-5-2.5-8s1-6 2.5-8z",
  office: "M3 21V8l9-5 9 5v13h-6v-6H9v6z",
  document: "M6 2h9l5 5v15H6zm8 1v5h5",
  money: "M3 6h18v12H3zm9 3a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
  gift: "M3 9h18v4H3zm2 4h14v9H5zm6-4v13h2V9zM8 4a2 2 0 0 1 4 3 2 2 0 0 1 4-3c0 3-4 5-4 5s-4-2-4-5z",
  print: "M6 2h12v6H6zM3 9h18v8h-3v5H6v-5H3zm5 6v5h8v-5z",
  share: "M18 16a3 3 0 0 0-2.4 1.2l-6.7-3.4a3 3 0 0 0 0-1.6l6.7-3.4A3 3 0 1 0 15 7l-6.7 3.4a3 3 0 1 0 0 3.2L15 17a3 3 0 1 0 3-1z",
  info: "M11 7h2v2h-2zm0 4h2v6h-2zm1-9a10 10 0 1 0 0 20 10 10 0 0 0 0-20z",
};

export function Icon({ name, class: cls }: { name: string; class?: string }): JSX.Element | null {
  const d = PATHS[name];
  if (!d) return null;
  return (
    <svg class={`icon ${cls ?? ""}`} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}
