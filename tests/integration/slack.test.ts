import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { closeDealWon } from "@/lib/server/deals/close-deal-won";
import { stopBoss } from "@/lib/server/jobs/boss";
import { startWorker } from "@/lib/server/jobs/worker";
import { deliverSlackNotification } from "@/lib/server/slack/deliver-slack";
import { notifySlack } from "@/lib/server/slack/notify-slack";
import { SlackDeliveryError, sendSlack } from "@/lib/server/slack/send-slack";
import { saveChecklist } from "@/lib/server/handoffs/save-checklist";
import { submitHandoff } from "@/lib/server/handoffs/submit-handoff";
import { approveAssignment } from "@/lib/server/assignments/approve-assignment";
import { escalateHandoff } from "@/lib/server/jobs/handlers/escalate-handoffs";
import { sendRenewalAlerts } from "@/lib/server/jobs/handlers/renewal-alerts";
import { completeChecklistFor } from "./support/checklist";
import { createAccount, createCsm, createDeal, createProduct, createRenewal, createUser, closeToHandoff } from "./support/fixtures";

// The Slack endpoint is a local HTTP server started here, answering with the statuses a test queues up (to the
// messages `answered` picks; every other one gets 200).
let server: Server;
let baseUrl: string;
let received: { path: string; body: any }[];
let answers: number[];
let answered: (text: string) => boolean;

beforeEach(async () => {
  received = [];
  answers = [];
  answered = () => true;
  server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk) => (text += chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", body: JSON.parse(text) });
      const status = (answered(String(received.at(-1)?.body.text ?? "")) ? answers.shift() : undefined) ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "invalid_payload");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await stopBoss();
});

async function useSlack(url: string) {
  await prisma.setting.upsert({
    where: { key: "integrations" },
    create: { key: "integrations", value: { slackWebhookUrl: url } },
    update: { value: { slackWebhookUrl: url } },
  });
}

async function closedWonHandoff() {
  const ae = await createUser("AE", { name: "Alex <AE> & Co" });
  const account = await createAccount();
  await prisma.account.update({ where: { id: account.id }, data: { name: "Acme Renewals" } });
  const deal = await createDeal(account.id, ae.id, { amountCents: 6_000_000n });
  // Closed on a fixed day before the checklist fixture's contract start (2026-12-01): closed "now", the close date is
  // the company's today, and from 2026-12-02 on the contract would start before it.
  const handoffId = await closeToHandoff(ae, deal.id, { at: new Date("2026-11-16T15:00:00Z") });
  return { handoffId, ae };
}

async function queuedSlackJobs(): Promise<{ kind: string }[]> {
  const rows = await prisma.$queryRaw<{ data: { event: { kind: string } } }[]>`SELECT data FROM pgboss.job WHERE name = 'slack-notify' ORDER BY created_on`;
  return rows.map((row) => row.data.event);
}

describe("Slack notifications", () => {
  it("posts the message as JSON and throws on a refusal so the queue retries", async () => {
    await sendSlack(`${baseUrl}/services/T1/B1/x`, { text: "hello" });
    expect(received).toEqual([{ path: "/services/T1/B1/x", body: { text: "hello" } }]);
    answers.push(500);
    await expect(sendSlack(`${baseUrl}/x`, { text: "again" })).rejects.toThrow(SlackDeliveryError);
    await expect(sendSlack("http://127.0.0.1:1/closed", { text: "nobody" })).rejects.toThrow(/did not answer/);
  });

  it("words a handoff notification from the record and sends nothing while Slack is off", async () => {
    const { handoffId } = await closedWonHandoff();
    expect(await deliverSlackNotification({ kind: "handoff.submitted", handoffId })).toEqual({ sent: false });
    expect(received).toHaveLength(0);

    await useSlack(`${baseUrl}/hook`);
    expect(await deliverSlackNotification({ kind: "handoff.overdue", handoffId })).toEqual({ sent: true });
    expect(received[0]?.body.text).toMatch(/^:warning: Handoff overdue for \*Acme Renewals\* \(\$60,000 ARR\)/);
    // Names are escaped so they cannot break Slack's markup.
    expect(received[0]?.body.text).toContain("(AE Alex &lt;AE&gt; &amp; Co)");
    expect(received[0]?.body.text).toContain(`/handoffs/${handoffId}|Open the handoff>`);
  });

  it("queues a job only when a Slack URL is set, inside the caller's transaction", async () => {
    const { handoffId } = await closedWonHandoff();
    // Jobs are emptied between tests, like every table.
    expect(await queuedSlackJobs()).toEqual([]);
    await prisma.$transaction((tx) => notifySlack(tx, { kind: "handoff.submitted", handoffId }));
    expect(await queuedSlackJobs()).toEqual([]);

    await useSlack(`${baseUrl}/hook`);
    await prisma.$transaction((tx) => notifySlack(tx, { kind: "handoff.submitted", handoffId }));
    await expect(
      prisma.$transaction(async (tx) => {
        await notifySlack(tx, { kind: "handoff.overdue", handoffId });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    const jobs = await queuedSlackJobs();
    expect(jobs).toEqual([{ kind: "handoff.submitted", handoffId }]);
  });

  it("is delivered through the job queue, retried after Slack refuses it", async () => {
    const { handoffId } = await closedWonHandoff();
    await useSlack(`${baseUrl}/hook`);
    // The handoff, closed on a fixed past day, is overdue: its escalation timer (a queued job) fires as soon as the
    // worker runs and posts its own "overdue" message. Only this job's message is refused, and only it is counted.
    const submitted = (text: string) => text.startsWith(":baton: Handoff submitted") && text.includes(handoffId);
    answered = submitted;
    answers.push(500);
    const worker = await startWorker({ pollingIntervalSeconds: 0.5, schedules: false, catchUp: false });
    try {
      // The queue's own delay is 30 s; this job asks for 1 s so the retry happens within the test.
      const jobId = await worker.send("slack-notify", { event: { kind: "handoff.submitted", handoffId } }, { retryLimit: 3, retryDelay: 1 });
      const deadline = Date.now() + 30_000;
      let state = "";
      while (Date.now() < deadline) {
        const [job] = await prisma.$queryRaw<{ state: string }[]>`SELECT state::text FROM pgboss.job WHERE id = ${jobId}::uuid`;
        state = job?.state ?? "";
        if (state === "completed") break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(state).toBe("completed");
      const ours = received.filter((request) => request.path === "/hook" && submitted(request.body.text));
      expect(ours).toHaveLength(2);
      expect(ours[1]?.body.text).toMatch(/^:baton: Handoff submitted for \*Acme Renewals\*/);
    } finally {
      await worker.stop({ graceful: true, wait: true, timeout: 5_000 });
      await stopBoss();
    }
  });

  it("is queued when a handoff is submitted, an assignment approved and a handoff escalated as overdue", async () => {
    await useSlack(`${baseUrl}/hook`);
    const product = await createProduct();
    await createCsm({ name: "Priya Patel", segments: ["MID_MARKET"] });
    const { handoffId, ae } = await closedWonHandoff();
    await prisma.dealProduct.create({ data: { dealId: (await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } })).dealId!, productId: product.id } });
    expect(await queuedSlackJobs()).toEqual([]);

    await saveChecklist(ae, { handoffId, version: 1, checklist: completeChecklistFor([product.id]) });
    await submitHandoff(ae, handoffId);
    const assignment = await prisma.csmAssignment.findFirstOrThrow({ where: { handoffId } });
    await approveAssignment(await createUser("CS_MANAGER"), { assignmentId: assignment.id });
    const handoff = await prisma.handoff.findUniqueOrThrow({ where: { id: handoffId } });
    await escalateHandoff(handoffId, new Date(handoff.dueAt.getTime() + 60_000));

    expect(await queuedSlackJobs()).toEqual([
      { kind: "handoff.submitted", handoffId },
      { kind: "assignment.approved", assignmentId: assignment.id },
      { kind: "handoff.overdue", handoffId },
    ]);
  });

  it("is queued once per renewal alert", async () => {
    await useSlack(`${baseUrl}/hook`);
    const ae = await createUser("AE");
    const csm = await createUser("CSM");
    const account = await createAccount({ aeId: ae.id, csmId: csm.id });
    // Monday 2026-11-23 in New York; the renewal is 30 days later.
    const now = new Date("2026-11-23T15:00:00Z");
    const renewal = await createRenewal(account.id, ae.id, { renewalDate: new Date("2026-12-23T00:00:00Z") });
    expect(await queuedSlackJobs()).toEqual([]);
    await sendRenewalAlerts(now);
    await sendRenewalAlerts(now);
    expect(await queuedSlackJobs()).toEqual([{ kind: "renewal.alert", renewalId: renewal.id, daysBefore: 30 }]);
  });

  it("keeps the Slack URL in the rule settings, empty by default", () => {
    expect(DEFAULT_SETTINGS.integrations).toEqual({ slackWebhookUrl: "" });
  });
});
