import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { API_ROUTES } from "@/lib/api/routes";

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any>; securitySchemes: Record<string, any> };
};

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument() as Doc;

  it("is OpenAPI 3.1 with one operation per route of the route table", () => {
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.sort()).toEqual(Object.values(API_ROUTES).map((route) => `${route.method} ${route.path}`).sort());
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("documents the request and response schemas the handlers validate with", () => {
    const put = doc.paths["/deals/{externalId}"]!.put;
    expect(put.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/DealInput" });
    expect(put.parameters).toEqual([expect.objectContaining({ name: "externalId", in: "path", required: true })]);
    const dealInput = doc.components.schemas.DealInput;
    expect(dealInput.required).toEqual(expect.arrayContaining(["accountExternalId", "name", "type", "stage", "amount", "termMonths", "closeDate", "ownerEmail"]));
    expect(dealInput.properties.amount).toMatchObject({ type: "string", pattern: "^\\d{1,13}(\\.\\d{1,2})?$" });
    expect(dealInput.properties.stage.enum).toContain("CLOSED_WON");
    expect(doc.components.schemas.Deal.properties.closeDate).toMatchObject({ type: "string", format: "date" });
    expect(doc.components.schemas.Error.required).toEqual(["code", "message"]);
  });

  it("lists the Idempotency-Key header, query parameters and error responses", () => {
    const closeWon = doc.paths["/deals/{externalId}/close-won"]!.post;
    expect(closeWon.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(["path:externalId", "header:Idempotency-Key"]);
    expect(Object.keys(closeWon.responses).sort()).toEqual(["200", "401", "403", "404", "409", "422"]);
    expect(closeWon.responses["403"].description).toContain("RevOps admin, Account executive");
    const handoffs = doc.paths["/handoffs"]!.get;
    expect(handoffs.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "page", in: "query", required: false }),
        expect.objectContaining({ name: "status", in: "query", schema: expect.objectContaining({ enum: expect.arrayContaining(["SUBMITTED"]) }) }),
      ]),
    );
    expect(handoffs.responses["200"].content["application/json"].schema.properties.data.items).toEqual({ $ref: "#/components/schemas/Handoff" });
    expect(JSON.stringify(doc)).not.toContain("$defs");
  });

  it("documents the renewal and ledger endpoints for the CRM and RevOps scripts", () => {
    const won = doc.paths["/renewals/{id}/close-won"]!.post;
    expect(won.requestBody.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/RenewalCloseWonInput" });
    expect(won.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(["path:id", "header:Idempotency-Key"]);
    expect(doc.components.schemas.RenewalCloseLostInput.required).toEqual(expect.arrayContaining(["reason", "addressable"]));
    expect(doc.paths["/renewals/{id}"]!.get).toBeDefined();
    expect(doc.paths["/renewals/{id}/stage"]!.post).toBeDefined();
    expect(doc.components.schemas.ArrMovementInput.properties.dealExternalId).toMatchObject({ type: "string" });
    expect(doc.components.schemas.DealInput.properties.closedAt).toMatchObject({ type: "string", format: "date-time" });
  });
});
