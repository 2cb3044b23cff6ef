import type { FormState } from "@/lib/action-result";

/** The form's error box; on a stale page it offers the refresh the message asks for. */
export function FormError({ state }: { state: FormState }) {
  if (!state?.error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      {state.error}
      {state.conflict ? (
        <>
          {" "}
          <button type="button" className="btn-link" onClick={() => window.location.reload()}>
            刷新页面
          </button>
        </>
      ) : null}
    </div>
  );
}
