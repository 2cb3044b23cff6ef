import { getDb } from "@/db/client";
import type { ScheduledJob } from "@/lib/server/jobs/queue";
import { detectDuplicateRegistrations } from "../people/detect-duplicate-registrations";
import { concludeEndedNotices } from "./conclude-ended-notices";
import { expireCorrections } from "./expire-corrections";
import { sendExpiryReminders } from "./send-expiry-reminders";
import { sweepHousekeeping } from "./sweep-housekeeping";

/** The portal's clocks: every scheduled use case, when it runs (China time) and what it is for. */
export const PORTAL_JOBS: readonly ScheduledJob[] = [
  {
    name: "conclude-ended-notices",
    // Just after midnight, when yesterday's 公示 periods have ended; again hourly in case a node was down then.
    cron: "5 * * * *",
    description: "公示期满的申请自动办结",
    run: (now) => concludeEndedNotices(getDb(), now),
  },
  {
    name: "correction-deadlines",
    cron: "15 * * * *",
    description: "补正期限提醒与逾期处理",
    run: (now) => expireCorrections(getDb(), now),
  },
  {
    name: "expiry-reminders",
    // 09:30 so texts arrive in the morning, not at midnight.
    cron: "30 9 * * *",
    description: "注册有效期届满提醒（我的消息 + 短信）",
    run: (now) => sendExpiryReminders(getDb(), now),
  },
  {
    name: "duplicate-registrations",
    // Nightly 人员查重 (T3): one person registered with two employers is flagged for the person to explain.
    cron: "20 2 * * *",
    description: "人员查重：同一人员在多家单位注册时标记异常",
    run: (now) => detectDuplicateRegistrations(getDb(), now),
  },
  {
    name: "housekeeping",
    cron: "40 3 * * *",
    description: "清理过期验证码、限流记录与无引用的存储文件",
    run: (now) => sweepHousekeeping(getDb(), now),
  },
];
