/**
 * Errors a use case can end with. Each carries a message in plain Chinese that says what to do next;
 * server actions show it as it is. Anything a caller may not see is reported as NotFound (deny by default: 404).
 */
export class ServiceError extends Error {
  constructor(
    readonly kind: "not_found" | "conflict" | "invalid" | "refused",
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const notFound = (what = "该记录") =>
  new ServiceError("not_found", `${what}不存在或您无权查看。请从列表重新进入；如仍有问题请联系管理员。`);

/** Another actor changed the application first (optimistic concurrency). */
export const conflict = (message = "该申请刚刚已被他人处理，您看到的不是最新状态。请刷新页面后查看当前状态再操作。") =>
  new ServiceError("conflict", message);

export const invalid = (message: string, fieldErrors?: Record<string, string>) =>
  new ServiceError("invalid", message, fieldErrors);

/** A business rule refuses the action; the message names the rule's reason. */
export const refused = (message: string) => new ServiceError("refused", message);
