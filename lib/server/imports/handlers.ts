import "server-only";
import type { ImportKind } from "@/lib/imports/formats";
import { accountsImport } from "@/lib/server/imports/kinds/accounts";
import { arrMovementsImport } from "@/lib/server/imports/kinds/arr-movements";
import { contactsImport } from "@/lib/server/imports/kinds/contacts";
import { csmsImport } from "@/lib/server/imports/kinds/csms";
import { dealsImport } from "@/lib/server/imports/kinds/deals";
import { productsImport } from "@/lib/server/imports/kinds/products";

export const IMPORT_HANDLERS = {
  products: productsImport,
  csms: csmsImport,
  accounts: accountsImport,
  contacts: contactsImport,
  deals: dealsImport,
  arr_movements: arrMovementsImport,
} satisfies Record<ImportKind, unknown>;
