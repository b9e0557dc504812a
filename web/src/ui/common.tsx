/** Pieces shared by every screen: the hidden state fields of a form, the about box, the form wrapper. */
import { createContext, type ComponentChildren } from "preact";
import { useContext } from "preact/hooks";
import { saveState, type InterviewState } from "../../../src/interview";
import type { Messages } from "../i18n";
import { Icon } from "./icons";
import type { Handlers } from "./model";

export function StateFields({ state }: { state: InterviewState }) {
  return (
    <>
      <input type="hidden" name="country" value={state.country} />
      <input type="hidden" name="lang" value={state.lang} />
      <input type="hidden" name="state" value={saveState(state)} />
    </>
  );
}

/**
 * Where the interview's forms post, and what the results offer besides: the member's own check posts to /check; an
 * organizer's assisted screening posts to the workspace and offers to save the screening.
 */
export interface FlowTarget {
  action: string;
  /** The label of a "save this screening" button on the results (assisted screening only). */
  save?: string;
}
export const FlowTargetContext = createContext<FlowTarget>({ action: "/check" });

/** A form that posts to the Worker, or that the browser app handles when it runs. */
export function FlowForm({ children, onSubmit, class: cls, label }: { children: ComponentChildren; class?: string; label?: string } & Handlers) {
  const { action } = useContext(FlowTargetContext);
  return (
    <form
      method="post"
      action={action}
      class={cls}
      aria-label={label}
      onSubmit={
        onSubmit
          ? (e) => {
              e.preventDefault();
              onSubmit(e.currentTarget as HTMLFormElement, (e as SubmitEvent).submitter as HTMLElement | null);
            }
          : undefined
      }
    >
      {children}
    </form>
  );
}

export function About({ m, onPhone, rulesVersion }: { m: Messages; onPhone: boolean; rulesVersion?: string }) {
  return (
    <details class="about">
      <summary>
        <Icon name="info" /> {m.about.title}
      </summary>
      <p>{m.about.private}</p>
      {onPhone ? <p>{m.about.on_phone}</p> : null}
      {onPhone ? <p>{m.about.counted}</p> : null}
      <p>{m.about.rules}</p>
      <p>{m.about.office}</p>
      <p>{m.about.not_advice}</p>
      {rulesVersion ? <p class="version">{rulesVersion}</p> : null}
    </details>
  );
}
