import { encodeRfc3986 } from "../encoding";

// RFC 6266: a quoted ASCII fallback for every client, plus an RFC 5987 `filename*`
// only when the name is not plain ASCII (it is the only form that carries UTF-8).
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/gu, "_").replace(/["\\]/g, "_");
  const header = `${kind}; filename="${fallback}"`;
  if (PLAIN_ASCII.test(fileName) && !/["\\]/.test(fileName)) return header;
  return `${header}; filename*=UTF-8''${encodeRfc3986(fileName)}`;
}
