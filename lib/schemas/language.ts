import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

/** The header's language switch posts the chosen language. */
export const languageSchema = z.object({ locale: z.enum(LOCALES) });
