import type { QuoteLine } from "@shared/contracts/orders";

export interface LineProblem {
  title: string;
  detail: string;
  /** warning: the shopper can fix it here (fewer units); error: the line has to go. */
  tone: "warning" | "error";
}

/** A quote line's problem in plain words, or undefined when the line can be ordered as it is. */
export function lineProblem(line: Pick<QuoteLine, "problem" | "available" | "quantity">): LineProblem | undefined {
  switch (line.problem) {
    case null:
      return undefined;
    case "not_found":
    case "archived":
      return { title: "No longer available", detail: "We've stopped selling this product. Remove it to check out.", tone: "error" };
    case "out_of_stock":
      return { title: "Sold out", detail: "Every unit has been sold. Remove it to check out.", tone: "error" };
    case "insufficient_stock":
      return {
        title: `Only ${line.available} left`,
        detail: `You asked for ${line.quantity}. Lower the quantity to ${line.available} to keep it in your order.`,
        tone: "warning",
      };
    case "variant_required":
      return { title: "Choose an option", detail: "This product comes in several options. Remove it and pick one on its page.", tone: "error" };
    case "currency_mismatch":
      return { title: "Priced in another currency", detail: "One order can use only one currency. Remove it and order it separately.", tone: "error" };
  }
}
