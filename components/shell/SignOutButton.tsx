"use client";

import { signOut } from "next-auth/react";

/**
 * Clears the session, then navigates ourselves: next-auth's own redirect would go to NEXTAUTH_URL's host, which is
 * wrong when the portal is opened under another name (LAN address, 127.0.0.1).
 */
export async function signOutTo(path: string): Promise<void> {
  try {
    await signOut({ redirect: false });
  } finally {
    window.location.assign(path);
  }
}

export function SignOutButton({ loginPath }: { loginPath: string }) {
  return (
    <button type="button" className="btn" onClick={() => void signOutTo(`${loginPath}?reason=signedout`)}>
      退出登录
    </button>
  );
}
