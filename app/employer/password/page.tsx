import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { accountTitle } from "@/components/account/texts";
import { requireRole } from "@/lib/server/auth";

export const generateMetadata = () => accountTitle("password.title", "employer");

export default async function EmployerPasswordPage() {
  await requireRole("employer");
  return <ChangePasswordPage system="employer" />;
}
