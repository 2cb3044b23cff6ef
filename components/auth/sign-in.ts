/**
 * Credentials sign-in without next-auth/react (issue 12, item 4): that module costs ≈12 KB gzipped on every login and
 * password page for two calls. This speaks the same protocol next-auth/react's `signIn(provider, { redirect: false })`
 * does — CSRF token, then a form POST to /api/auth/callback/<provider> with `json=true` — and reads the error the
 * same way (the `error` parameter of the returned URL, which is authorize()'s JSON message, see lib/server/auth.ts).
 * Navigation is ours: the caller assigns window.location once signed in (see SignOutButton for why).
 */
export async function signInWithCredentials(
  provider: string,
  fields: Record<string, string>,
): Promise<{ ok: boolean; error: string | null }> {
  try {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await fetch(`/api/auth/callback/${encodeURIComponent(provider)}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken, callbackUrl: window.location.href, json: "true" }),
    });
    const data = (await res.json()) as { url?: string };
    const error = data.url ? new URL(data.url, window.location.origin).searchParams.get("error") : "unknown";
    return { ok: res.ok && !error, error };
  } catch {
    // Network failure: the caller shows its generic "try again" message.
    return { ok: false, error: null };
  }
}

/** The signed-in role from next-auth's session endpoint (what next-auth/react's getSession() reads). */
export async function sessionRole(): Promise<string | undefined> {
  try {
    const session = (await (await fetch("/api/auth/session")).json()) as { user?: { role?: string } } | null;
    return session?.user?.role;
  } catch {
    return undefined;
  }
}
