import { smsOutbox } from "@/db/schema";
import type { Executor } from "@/db/client";

/** Sends one text message. Implementations must not throw for a well-formed phone unless delivery is impossible. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/**
 * Development / default provider: the message lands in the `sms_outbox` table and nothing touches a network.
 * Testers read codes with `select * from sms_outbox order by id desc` or on the admin page /admin/sms-outbox.
 */
export class OutboxSmsProvider implements SmsProvider {
  constructor(private readonly db: Executor) {}
  async send(phone: string, text: string): Promise<void> {
    await this.db.insert(smsOutbox).values({ phone, body: text });
  }
}

/** True when messages go to the outbox table (SMS_PROVIDER unset or "outbox"). */
export function smsOutboxEnabled(): boolean {
  const p = process.env.SMS_PROVIDER;
  return !p || p === "outbox";
}

export function getSmsProvider(db: Executor): SmsProvider {
  if (smsOutboxEnabled()) return new OutboxSmsProvider(db);
  // A real gateway is wired in here when the operator chooses one; until then refuse loudly rather than drop codes.
  throw new Error(
    `Unknown SMS_PROVIDER=${process.env.SMS_PROVIDER}: this build ships only the "outbox" provider (sms_outbox table).`,
  );
}

/** 13800000007 → 138****0007 */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length < 7) return "****";
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
}
