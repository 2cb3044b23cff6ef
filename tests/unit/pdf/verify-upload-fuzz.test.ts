/**
 * Issue 8 item 7: the public upload verifier (上传证书核验) reads bytes from anyone. Whatever arrives — malformed,
 * truncated, huge, nested, crafted to be slow — it must answer with a plain refusal or a "not valid" result, never
 * throw (the route would answer 500), take at most 1 s, and keep memory bounded.
 */
import { randomBytes } from "node:crypto";
import { deflateSync } from "node:zlib";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { certificateVerificationUrl, renderCertificate } from "@/lib/server/pdf/certificate";
import { inspectUploadedCertificate, UPLOAD_REFUSALS, type UploadInspection } from "@/lib/server/pdf/inspect-upload";
import { signPdf } from "@/lib/server/pdf/sign-pdf";
import { createRootCertificateAuthority, createSigningIdentity } from "@/lib/server/pki";
import { samplePhoto, sampleSignature } from "./fixtures";

const REG_NO = "建[造]22631310009999";
const MB = 1024 * 1024;
let caPem: string;
let genuine: Buffer;
/** The /Contents gap of the genuine file: bytes there are not signed (padding after the CMS may change). */
let gap: [number, number];

beforeAll(async () => {
  const ca = await createRootCertificateAuthority({ bits: 2048 });
  caPem = ca.certificatePem;
  const authority = await createSigningIdentity(ca, randomBytes(32), {
    kind: "authority",
    id: "a",
    commonName: "上海市住房和城乡建设管理委员会",
  });
  const unsigned = await renderCertificate({
    holder: { name: "李喆", gender: "女", birthDate: "1990-07-21" },
    registrationNo: REG_NO,
    employerName: "上海建和工程咨询有限公司",
    specialties: ["土木建筑工程"],
    validUntil: "2030-12-14",
    authorityName: "上海市住房和城乡建设管理委员会",
    issuedAt: "2026-12-15",
    holderSignedAt: new Date("2026-11-30T07:00:00Z"),
    photo: await samplePhoto(),
    signatureImage: await sampleSignature(),
    certificateSerial: "C2026-9",
    verificationUrl: certificateVerificationUrl("https://zhuce.example.gov.cn/", REG_NO, "C2026-9"),
  });
  genuine = Buffer.from(
    await signPdf(
      unsigned,
      { ...authority, caCertificatePem: ca.certificatePem },
      { role: "authority", name: "上海市住房和城乡建设管理委员会", reason: "电子证书签发", signedAt: new Date() },
    ),
  );
  const br = /\/ByteRange\s*\[\s*0\s+(\d+)\s+(\d+)/.exec(genuine.toString("latin1"))!;
  gap = [Number(br[1]), Number(br[2])];
}, 120_000);

/** What the upload service would tell the visitor is authentic: the last signature valid and covering the file. */
const accepted = (r: UploadInspection) =>
  r.ok && !!r.signatures.at(-1)?.valid && !!r.signatures.at(-1)?.coversWholeDocument;
const refusals: string[] = Object.values(UPLOAD_REFUSALS);

async function inspectTimed(bytes: Uint8Array, name = "input"): Promise<UploadInspection> {
  const started = performance.now();
  const result = await inspectUploadedCertificate(bytes, caPem);
  const ms = performance.now() - started;
  if (process.env.FUZZ_TIMES) console.log(name, ms.toFixed(0));
  expect(ms, `${name}: took ${ms.toFixed(0)} ms on ${bytes.length} bytes`).toBeLessThanOrEqual(1000);
  if (!result.ok) expect(refusals).toContain(result.reason);
  return result;
}

const keywords = `/Keywords (registration-no:${"X".repeat(4)})`;
const pdf = (...parts: (string | Buffer)[]) =>
  Buffer.concat([
    Buffer.from("%PDF-1.7\n"),
    ...parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : p)),
  ]);
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

/**
 * Seven signature dictionaries sharing one /Contents — the genuine certificate's CMS, so it parses and the verifier
 * goes on to hash all 5 MB, verify RSA and the chain for each of them.
 */
function hashEverything(): Buffer {
  const size = 5 * MB - 64;
  const keys = Array.from({ length: 7 }, () => "/ByteRange [0 BBBBBBBBBB CCCCCCCCCC DDDDDDDDDD] ").join("");
  const head = `%PDF-1.7\n${keywords}\n1 0 obj <<${keys}/Contents `;
  const b = head.length;
  const cms = genuine.toString("latin1", gap[0] + 1, gap[1] - 1);
  const c = b + 2 + cms.length;
  const text = `${`${head}<${cms}>>> endobj\n`.padEnd(size - 6, " ")}%%EOF\n`;
  const filled = text
    .replaceAll("BBBBBBBBBB", String(b).padStart(10, "0"))
    .replaceAll("CCCCCCCCCC", String(c).padStart(10, "0"));
  return Buffer.from(filled.replaceAll("DDDDDDDDDD", String(size - c).padStart(10, "0")), "latin1");
}

/** Crafted files aimed at each place a naive verifier spends time or memory; all must be refused or marked invalid. */
function hostileFiles(): Record<string, Buffer> {
  const bomb = deflateSync(Buffer.alloc(100 * MB));
  return {
    "5 MB random": pdf(randomBytes(5 * MB - 16)),
    "over the size limit": pdf(keywords, fill(" ", 5 * MB + 10)),
    "nested arrays": pdf(keywords, "\n1 0 obj\n", fill("[", 5 * MB - 100)),
    "nested dictionaries": pdf(keywords, "\n1 0 obj\n", fill("<</A ", 5 * MB - 100)),
    "unclosed strings after keys": pdf(keywords, fill("/Name (/Reason (/T (", 5 * MB - 100)),
    "many /ByteRange arrays": pdf(keywords, fill("/ByteRange [0 10 20 30] ", 5 * MB - 100)),
    "the most /ByteRange allowed, each hashing the whole file": hashEverything(),
    "huge /Contents gap": pdf(
      keywords,
      `1 0 obj <</ByteRange [0 80 ${4 * MB} 100] /Contents <`,
      fill("30", 4 * MB),
      "> >> endobj %%EOF",
    ),
    "deep ASN.1 nesting in /Contents": pdf(
      keywords,
      "1 0 obj <</ByteRange [0 75 16459 0] /Contents <",
      fill("3082", 16_384 - 4),
      "00> >> endobj\n%%EOF",
    ),
    "many /V references": pdf(keywords, "1 0 obj <</ByteRange [0 1 2 3]>> endobj ", fill("/V 1 0 R ", 5 * MB - 200)),
    "many /Keywords": pdf(fill(`${keywords} `, 5 * MB - 100)),
    "deflate bomb object stream": pdf(
      keywords,
      `\n1 0 obj\n<</Type/ObjStm/N 1/First 4/Filter/FlateDecode/Length ${bomb.length}>>\nstream\n`,
      bomb,
      "\nendstream\nendobj\n%%EOF",
    ),
    "many objects": pdf(
      keywords,
      Array.from({ length: 150_000 }, (_, i) => `${i + 1} 0 obj\n<</K ${i}>>\nendobj\n`).join(""),
    ),
    "genuine nested in a bigger PDF": pdf("1 0 obj <</Length 9>> stream\n", genuine, "\nendstream endobj\n%%EOF"),
    "genuine twice": Buffer.concat([genuine, genuine]),
  };
}

describe("public certificate upload verifier under hostile input", () => {
  it("accepts the genuine signed certificate (so the properties below can fail)", async () => {
    const r = await inspectTimed(genuine);
    expect(accepted(r)).toBe(true);
  });

  it("refuses crafted files within 1 s each, without throwing, and keeps the heap bounded", async () => {
    const files = hostileFiles();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let round = 0; round < 2; round++) {
      for (const [name, bytes] of Object.entries(files)) {
        const r = await inspectTimed(bytes, name);
        expect(accepted(r), name).toBe(false);
      }
    }
    // No file is copied into a JS string or inflated: the heap must not grow by a multiple of the 5 MB inputs.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(48 * MB);
  }, 120_000);

  it("answers 不是 PDF / 不是本平台签发 for arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), fc.boolean(), async (body, withHeader) => {
        const bytes = withHeader ? pdf(Buffer.from(body)) : body;
        const r = await inspectTimed(bytes);
        expect(accepted(r)).toBe(false);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("never accepts a truncated certificate", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: genuine.length - 1 }), async (cut) => {
        // Trailing whitespace after %%EOF is not part of the signed revision; cutting only it changes nothing.
        const r = await inspectTimed(genuine.subarray(0, cut));
        if (genuine.subarray(cut).toString("latin1").trim() !== "") expect(accepted(r)).toBe(false);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it("never accepts a certificate with a changed byte outside the unsigned /Contents padding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: genuine.length - 1 }), fc.integer({ min: 1, max: 255 })), {
          minLength: 1,
          maxLength: 4,
        }),
        async (edits) => {
          const bytes = Buffer.from(genuine);
          for (const [at, xor] of edits) bytes[at]! ^= xor;
          const r = await inspectTimed(bytes);
          const outsideGap = edits.some(([at]) => at < gap[0] || at >= gap[1]);
          if (outsideGap && !bytes.equals(genuine)) expect(accepted(r)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  }, 180_000);
});
