/** 123456 → "121 KB" (server-safe twin of ui.tsx's kb()). */
export function kbText(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
