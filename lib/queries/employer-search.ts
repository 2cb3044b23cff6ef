import { normalizeSearch } from "./review-queues";
import { isApplicationType } from "@/lib/domain/application-types";
import type { EmployerFilters } from "./employer-queues";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The employer lists' query string → filters (anything malformed is ignored rather than failing the page). */
export function parseEmployerFilters(raw: {
  name?: string;
  idNumber?: string;
  type?: string;
  from?: string;
  to?: string;
}): EmployerFilters {
  const q = normalizeSearch(raw);
  return {
    name: q.name?.trim().slice(0, 40) || undefined,
    idNumber: q.idNumber?.trim().slice(0, 32) || undefined,
    type: isApplicationType(q.type) ? q.type : undefined,
    from: q.from && DATE.test(q.from) ? q.from : undefined,
    to: q.to && DATE.test(q.to) ? q.to : undefined,
  };
}
