// The client introduction e-mail is an editable template with merge fields such as {{csm.name}}.
// Rendering refuses unknown fields, so a typo never reaches a customer as "{{csm.nmae}}".

export const MERGE_FIELDS = {
  "account.name": "Customer account name",
  "contact.firstName": "First name of the customer's champion",
  "contact.name": "First name of the customer's champion (same as contact.firstName)",
  "contact.fullName": "Full name of the customer's champion",
  "csm.name": "Assigned CSM's name",
  "csm.email": "Assigned CSM's e-mail",
  "ae.name": "Your name",
  "ae.email": "Your e-mail",
  "kickoff.date": "Planned kickoff date",
} as const;

export type MergeField = keyof typeof MERGE_FIELDS;
export type MergeValues = Record<MergeField, string>;

const FIELD = /\{\{\s*([\w.]+)\s*\}\}/g;

export function renderTemplate(template: string, values: MergeValues): { text: string; unknownFields: string[] } {
  const unknownFields = new Set<string>();
  const text = template.replace(FIELD, (match, name: string) => {
    if (name in values) return values[name as MergeField];
    unknownFields.add(name);
    return match;
  });
  return { text, unknownFields: [...unknownFields] };
}

export const DEFAULT_INTRODUCTION_TEMPLATE = {
  subject: "Introducing {{csm.name}}, your customer success manager at Baton",
  body: [
    "Hi {{contact.name}},",
    "",
    "Thank you again for choosing us. I'd like to introduce {{csm.name}} ({{csm.email}}), who will be your dedicated customer success manager from here on.",
    "",
    "{{csm.name}} has the full context of our conversations: why {{account.name}} chose us, the outcomes you want to reach, and the timeline we agreed. The next step is the kickoff on {{kickoff.date}}, where you'll walk through the onboarding plan together.",
    "",
    "I'm still here for anything commercial.",
    "",
    "Best regards,",
    "{{ae.name}}",
  ].join("\n"),
};
