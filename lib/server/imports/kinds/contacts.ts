import "server-only";
import type { ContactRow } from "@/lib/imports/row-schemas";
import { accountsByExternalId, checkAccount, problems, type AccountRef } from "@/lib/server/imports/references";
import { defineHandler } from "@/lib/server/imports/types";

// contacts.csv: account_external_id,name,title,role,email,priority,notes — key account + email.
export const contactsImport = defineHandler<ContactRow, Map<string, AccountRef>>({
  lookup: (tx, rows) => accountsByExternalId(tx, rows.map((row) => row.accountExternalId)),
  check: (row, accounts) => problems(checkAccount(accounts, "account_external_id", row.accountExternalId)),
  async write(tx, row, accounts) {
    const account = accounts.get(row.accountExternalId)!;
    const fields = { name: row.name, title: row.title, role: row.role, notes: row.notes };
    await tx.contact.upsert({
      where: { accountId_email: { accountId: account.id, email: row.email } },
      create: { ...fields, accountId: account.id, email: row.email, priority: row.priority ?? "MEDIUM" },
      update: { ...fields, ...(row.priority ? { priority: row.priority } : {}) },
    });
  },
});
