/**
 * Attachment code of the printed, stamped application form: it exists only once the form has been saved. In a module
 * of its own so the wizard's browser code can name it without pulling in form-specs.ts and every type's field list
 * (≈2 KB gzipped of the 申请填报 page's first load, issue 12 item 4).
 */
export const STAMPED_FORM = "application_form";
