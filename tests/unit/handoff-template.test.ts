import { describe, expect, it } from "vitest";
import { CLIENT_INTRODUCTION_TEMPLATE } from "@/lib/demo/email-template";
import { DEFAULT_INTRODUCTION_TEMPLATE, renderTemplate, type MergeValues } from "@/lib/handoff/template";

const values: MergeValues = {
  "account.name": "Acme Corp",
  "contact.firstName": "Ana",
  "contact.name": "Ana",
  "contact.fullName": "Ana Ruiz",
  "csm.name": "Priya Patel",
  "csm.email": "priya@baton.test",
  "ae.name": "Jamie Cole",
  "ae.email": "ae@baton.test",
  "kickoff.date": "Nov 25, 2026",
};

describe("renderTemplate", () => {
  it("fills every merge field of the default introduction", () => {
    const subject = renderTemplate(DEFAULT_INTRODUCTION_TEMPLATE.subject, values);
    const body = renderTemplate(DEFAULT_INTRODUCTION_TEMPLATE.body, values);
    expect(subject).toEqual({ text: "Introducing Priya Patel, your customer success manager at Baton", unknownFields: [] });
    expect(body.text).toContain("Hi Ana,");
    expect(body.text).toContain("Priya Patel (priya@baton.test)");
    expect(body.text).not.toMatch(/\{\{/);
  });

  it("fills the template the demo seeds as the company's handoff e-mail, {{contact.firstName}} included", () => {
    const subject = renderTemplate(CLIENT_INTRODUCTION_TEMPLATE.subject, values);
    const body = renderTemplate(CLIENT_INTRODUCTION_TEMPLATE.body, values);
    expect([...subject.unknownFields, ...body.unknownFields]).toEqual([]);
    expect(body.text.startsWith("Hi Ana,\n")).toBe(true);
    expect(subject.text).toBe("Welcome to Baton, Acme Corp — meet your Customer Success Manager");
  });

  it("reports unknown fields instead of guessing", () => {
    expect(renderTemplate("Hello {{ csm.nmae }} and {{csm.name}}", values)).toEqual({
      text: "Hello {{ csm.nmae }} and Priya Patel",
      unknownFields: ["csm.nmae"],
    });
  });
});
