import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { accountTitle } from "@/components/account/texts";
import { requireRole } from "@/lib/server/auth";

export const generateMetadata = () => accountTitle("password.title", "reviewer");

export default async function ReviewPasswordPage() {
  await requireRole("reviewer");
  return <ChangePasswordPage system="reviewer" />;
}
