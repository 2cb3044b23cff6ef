import type { User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import {
  applicantLoginName,
  applicantLoginSchema,
  employerLoginSchema,
  staffLoginSchema,
} from "@/lib/schemas/accounts";
import { authProblemIn } from "@/lib/i18n/auth-problems";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { clientIp } from "@/lib/server/client-ip";
import type { LoginKind } from "@/lib/services/accounts/find-account";
import { signIn } from "@/lib/services/accounts/sign-in";

/**
 * The three credentials providers of the sign-in route: parse the form with the login schema, call the sign-in use
 * case, and turn its refusal into the JSON payload the login form reads from next-auth's `error` parameter.
 */
/** What a failed sign-in tells the form; JSON-encoded into next-auth's `error` parameter. */
export interface SignInErrorPayload {
  message: string;
  captchaRequired: boolean;
  fieldErrors?: Record<string, string>;
}
function fail(payload: SignInErrorPayload): never {
  throw new Error(JSON.stringify(payload));
}

function normalize(kind: LoginKind, raw: Record<string, string> | undefined, locale: Locale) {
  const input = raw ?? {};
  const schema =
    kind === "applicant" ? applicantLoginSchema : kind === "employer" ? employerLoginSchema : staffLoginSchema;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const message = first ? authProblemIn(locale, first.message) : translator(locale, "auth")("problems.fillIn");
    fail({
      message,
      captchaRequired: Boolean(input.captchaRequired),
      fieldErrors: first ? { [String(first.path[0] ?? "_")]: message } : undefined,
    });
  }
  const d = parsed.data as {
    idType?: never;
    idNumber?: string;
    uscc?: string;
    username?: string;
    password: string;
    captcha?: string;
  };
  const loginName =
    kind === "applicant"
      ? applicantLoginName((parsed.data as { idType: Parameters<typeof applicantLoginName>[0] }).idType, d.idNumber!)
      : kind === "employer"
        ? d.uscc!
        : d.username!;
  return { loginName, password: d.password, captcha: d.captcha };
}

function credentialsProvider(kind: LoginKind) {
  return CredentialsProvider({
    id: kind,
    name: kind,
    credentials: {},
    async authorize(raw, req): Promise<User | null> {
      const headers = (req?.headers ?? {}) as Record<string, string>;
      const locale = chosenLocale(headers);
      const { loginName, password, captcha } = normalize(kind, raw as Record<string, string>, locale ?? DEFAULT_LOCALE);
      let result: Awaited<ReturnType<typeof signIn>>;
      try {
        result = await signIn(getDb(), {
          kind,
          loginName,
          password,
          captchaAnswer: captcha,
          ip: clientIp(headers),
          locale,
        });
      } catch (e) {
        // next-auth would hand the raw message (e.g. a database error) to the browser: log it, say something useful.
        console.error("[sign-in]", e);
        fail({ message: translator(locale ?? DEFAULT_LOCALE, "auth")("service.unavailable"), captchaRequired: false });
      }
      if (!result.ok) fail({ message: result.message, captchaRequired: result.captchaRequired });
      const a = result.account;
      return {
        id: a.id,
        name: a.displayName,
        role: a.role,
        gen: a.sessionGeneration,
        mustChangePassword: a.mustChangePassword,
        personId: a.personId,
        employerId: a.employerId,
        authorityId: a.authorityId,
      };
    },
  });
}

export function credentialsProviders() {
  return [credentialsProvider("applicant"), credentialsProvider("employer"), credentialsProvider("staff")];
}

/** The language picked on the sign-in page (its cookie), if the visitor picked one. */
function chosenLocale(headers: Record<string, string>): Locale | undefined {
  const cookie = headers.cookie ?? "";
  const value = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  return isLocale(value) ? value : undefined;
}
