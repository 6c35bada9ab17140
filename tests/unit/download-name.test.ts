import { describe, expect, it } from "vitest";
import { contentDisposition, displayName, downloadName } from "@/lib/documents/download-name";

const PDF = "application/pdf";

describe("document download names", () => {
  it("takes the extension from the checked content type, never the uploader's", () => {
    expect(downloadName("report.html", PDF, "document")).toBe("report.pdf");
    expect(downloadName("x.svg", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "document")).toBe("x.xlsx");
    expect(downloadName("contract", PDF, "document")).toBe("contract.pdf");
  });

  it("drops right-to-left overrides and other invisible characters, so the name shown is the name", () => {
    const spoof = "inv\u202Efdp.exe";
    expect(displayName(spoof)).toBe("invfdp.exe");
    expect(downloadName(spoof, PDF, "document")).toBe("invfdp.pdf");
    expect(displayName("a\u200Bb\u2066c\u0007d")).toBe("abcd");
  });

  it("keeps no path, quotes or control characters, and falls back when nothing is left", () => {
    expect(downloadName("../../etc/passwd", PDF, "document")).toBe("passwd.pdf");
    expect(downloadName('C:\\Users\\ana\\"SOW" v2.docx', PDF, "document")).toBe("SOW_ v2.pdf");
    expect(downloadName("\u202E.pdf", PDF, "signed-contract")).toBe("signed-contract.pdf");
    expect(downloadName("Vertrag Müller.pdf", PDF, "document")).toBe("Vertrag Müller.pdf");
  });

  it("sends an ASCII fallback and the UTF-8 name in Content-Disposition", () => {
    expect(contentDisposition("Vertrag Müller.pdf")).toBe(`attachment; filename="Vertrag Mu_ller.pdf"; filename*=UTF-8''Vertrag%20M%C3%BCller.pdf`);
  });
});
