import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger" | "danger-outline" | "link";

/** The class list of a button-looking element; for the rare `<a>`/`<label>` that cannot be a Button or ButtonLink. */
export function buttonClass({
  variant = "primary",
  size,
  block,
  className,
}: {
  variant?: ButtonVariant;
  size?: "sm";
  block?: boolean;
  className?: string;
} = {}) {
  const classes = variant === "link" ? ["btn-link"] : ["btn"];
  if (variant === "secondary") classes.push("btn-secondary");
  if (variant === "danger") classes.push("btn-danger");
  if (variant === "danger-outline") classes.push("btn-secondary", "btn-danger-outline");
  if (size === "sm") classes.push("btn-sm");
  if (block) classes.push("btn-block");
  if (className) classes.push(className);
  return classes.join(" ");
}

type Look = { variant?: ButtonVariant; size?: "sm"; block?: boolean };

/** A button in one of the portal's looks. `type` defaults to "submit" as in HTML; pass "button" for client handlers. */
export function Button({ variant, size, block, className, ...props }: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button {...props} className={buttonClass({ variant, size, block, className })} />;
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant, size, block, className, ...props }: Look & ComponentProps<typeof Link>) {
  return <Link {...props} className={buttonClass({ variant, size, block, className })} />;
}

/** A form's actions row with its submit button, which is disabled while the action runs and says so (正在保存…). */
export function SubmitButton({
  pending,
  pendingLabel = "正在保存…",
  children,
  ...props
}: { pending: boolean; pendingLabel?: string } & Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <div className="form-actions">
      <Button {...props} type="submit" disabled={pending}>
        {pending ? pendingLabel : children}
      </Button>
    </div>
  );
}
