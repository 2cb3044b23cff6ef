/**
 * The shared frame's texts in the language of the request, for server components to hand to the client components
 * of the frame and the shared UI (which never load next-intl themselves — page-weight budget, ADR 0010).
 */
import { getTranslations } from "next-intl/server";
import type { PagerTexts } from "@/components/ui/Pagination";
import type { IdleTexts } from "./IdleTimer";
import type { NavTexts } from "./SideNav";

export async function shellTexts() {
  const t = await getTranslations("shell");
  const nav: NavTexts = {
    label: t("nav.label"),
    underConstruction: t("nav.underConstruction"),
    underConstructionTitle: t("nav.underConstructionTitle"),
    unread: t("nav.unread"),
  };
  // Filled on the client with the minutes and the countdown (components/ui/fill.ts).
  const idle: IdleTexts = {
    title: t("idle.title"),
    body: t.raw("idle.body") as string,
    signOutNow: t("idle.signOutNow"),
    stay: t("idle.stay"),
  };
  return { brand: t("brand"), brandMark: t("brandMark"), signOut: t("signOut"), nav, idle };
}

/** 共 N 条，第 p / n 页 with 上一页 / 下一页 for a list page's <Pagination texts={…}>. */
export async function pagerTexts(): Promise<PagerTexts> {
  const t = await getTranslations("shell");
  return {
    label: t("pager.label"),
    total: (total) => t("pager.total", { total }),
    totalPaged: (total, page, pages) => t("pager.totalPaged", { total, page, pages }),
    previous: t("pager.previous"),
    next: t("pager.next"),
  };
}
