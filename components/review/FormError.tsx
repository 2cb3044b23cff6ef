import type { FormState } from "@/lib/action-result";

/**
 * The form's error box; on a stale page it offers the refresh the message asks for. The applicant's forms pass the
 * button's label in the reader's language.
 */
export function FormError({ state, refreshLabel = "刷新页面" }: { state: FormState; refreshLabel?: string }) {
  if (!state?.error) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="form-error">
      {state.error}
      {state.conflict ? (
        <>
          {" "}
          <button type="button" className="btn-link" onClick={() => window.location.reload()}>
            {refreshLabel}
          </button>
        </>
      ) : null}
    </div>
  );
}
