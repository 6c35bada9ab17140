// The handoff e-mail the AE sends to introduce the CSM (policy step 2). Stored as the EmailTemplate row
// `client_introduction`; merge fields are `{{path}}` and filled from the account, CSM, AE and kick-off.

export const CLIENT_INTRODUCTION_KEY = "client_introduction";

export const CLIENT_INTRODUCTION_TEMPLATE = {
  subject: "Welcome to Baton, {{account.name}} — meet your Customer Success Manager",
  body: [
    "Hi {{contact.firstName}},",
    "",
    "Thank you again for choosing Baton. I'd like to introduce {{csm.name}} ({{csm.email}}), who will be your",
    "Customer Success Manager from here on. {{csm.name}} has the full context of our conversations — your goals,",
    "success criteria and timeline — so you won't need to repeat anything.",
    "",
    "Your kick-off is planned for {{kickoff.date}}. {{csm.name}} will send the invitation and the agenda.",
    "",
    "I'll stay involved as your account executive, so feel free to reach out to either of us.",
    "",
    "Best regards,",
    "{{ae.name}}",
  ].join("\n"),
};

/** Replaces `{{a.b}}` with values; unknown fields are left visible so a gap is noticed, not hidden. */
export function renderTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (match, key: string) => values[key] ?? match);
}
