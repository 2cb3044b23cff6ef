import { ChangePasswordPage } from "@/components/account/ChangePasswordPage";
import { accountTitle } from "@/components/account/texts";
import { requireRole } from "@/lib/server/auth";

export const generateMetadata = () => accountTitle("password.title", "admin");

export default async function AdminPasswordPage() {
  await requireRole("admin");
  return <ChangePasswordPage system="admin" />;
}
