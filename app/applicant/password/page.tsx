import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { accountTitle } from "@/components/account/texts";
import { requireRole } from "@/lib/server/auth";

export const generateMetadata = () => accountTitle("password.title", "applicant");

export default async function ApplicantPasswordPage() {
  await requireRole("applicant");
  return <ChangePasswordPage system="applicant" />;
}
