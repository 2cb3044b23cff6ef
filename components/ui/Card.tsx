import type { ReactNode } from "react";

/** A white panel of the signed-in and public pages; `title` becomes its h2 (the page's h1 is in the PageHeader). */
export function Card({
  title,
  narrow,
  testId,
  className,
  children,
}: {
  title?: ReactNode;
  narrow?: boolean;
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={["card", narrow ? "narrow" : "", className ?? ""].filter(Boolean).join(" ")}
      data-testid={testId}
    >
      {title ? <h2>{title}</h2> : null}
      {children}
    </section>
  );
}
