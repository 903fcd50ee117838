import { getTableColumns, getTableName, isTable, type Column, type Table } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as schema from "@shared/schema";
import { installTestDataCipher } from "../test/data-cipher";

/**
 * Issue 16 §5 (ADR 058, 074): addresses, phone numbers and order messages are sealed at rest, and so are the rendered
 * mails that quote them. A guard for columns added later: one whose name says it holds such data must write
 * ciphertext, whatever table it is in.
 */
const PERSONAL = /(^|_)(phone|mobile|line[12]|postal_code|street|shipping_address|billing_address)$/;
const ALSO_PERSONAL = new Set(["order_messages.body", "mail_outbox.html", "mail_outbox.text"]);

const tables = (Object.values(schema) as unknown[]).filter((value): value is Table => isTable(value));
const personalColumns = tables.flatMap((table) =>
  Object.values(getTableColumns(table) as Record<string, Column>)
    .map((column) => ({ column, where: `${getTableName(table)}.${column.name}` }))
    .filter(({ column, where }) => PERSONAL.test(column.name) || ALSO_PERSONAL.has(where)),
);

describe("personal data columns", () => {
  installTestDataCipher("personal-data-columns-test-secret-0123456789");

  it("when the schema is read, then it has the known personal columns (the guard is not looking at nothing)", () => {
    expect(personalColumns.map((c) => c.where)).toEqual(
      expect.arrayContaining(["addresses.phone", "addresses.line1", "orders.shipping_address", "order_messages.body", "mail_outbox.html", "mail_outbox.text"]),
    );
  });

  it.each(personalColumns.map((c) => [c.where, c.column] as const))("when %s is written, then the database gets ciphertext", (_where, column) => {
    const plain = column.getSQLType() === "jsonb" ? { phone: "+1 555 0142" } : "+1 555 0142";
    const stored = String(column.mapToDriverValue(plain));
    expect(stored).toMatch(/^"?fpe1\./);
    expect(stored).not.toContain("0142");
  });
});
