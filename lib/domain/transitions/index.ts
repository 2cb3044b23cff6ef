/**
 * The application state machine, one job per file: `labels` (words), `guards` (state-only conditions), `table`
 * (who may do what from where), `input-checks` (conditions on what an action carries), `resolvers` (the next
 * application), `engine` (applying an action) and `diagram` (the table as mermaid). Import from here.
 */
export { renderMermaid } from "./diagram";
export { type ApplicationEvent, applyAction, availableActions, isFormEditable } from "./engine";
export {
  type ActionInput,
  type Commitment,
  describeBlocking,
  findBlockingApplication,
  type OtherApplicationRef,
} from "./input-checks";
export { ACTION_NAMES, ACTIONS, ACTOR_KIND_LABELS, type Action, STATUS_LABELS } from "./labels";
export { TRANSITIONS, type TransitionSpec } from "./table";
