"use client";

/**
 * Clears the session, then navigates ourselves: next-auth's own redirect would go to NEXTAUTH_URL's host, which is
 * wrong when the portal is opened under another name (LAN address, 127.0.0.1).
 * Speaks next-auth's sign-out protocol directly (CSRF token, then POST /api/auth/signout) instead of importing
 * next-auth/react, which added ≈12 KB gzipped to every signed-in page for this one call (issue 12).
 */
export async function signOutTo(path: string): Promise<void> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, callbackUrl: path, json: "true" }),
    });
  } finally {
    window.location.assign(path);
  }
}

export function SignOutButton({ loginPath, label }: { loginPath: string; label: string }) {
  return (
    <button type="button" className="btn" onClick={() => void signOutTo(`${loginPath}?reason=signedout`)}>
      {label}
    </button>
  );
}
