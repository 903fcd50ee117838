import { z } from "zod";
import { MAX_CART_LINES, MAX_QUANTITY_PER_LINE } from "../cart-limits";
import { currency, listOf, pageQuery, uuid } from "./common";
import { optionValues } from "./variants";

export const orderStatuses = ["pending", "paid", "shipped", "delivered", "cancelled"] as const;
export const orderStatus = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatus>;

/** The status machine: every allowed move; anything else is 409 invalid_transition. */
export const allowedTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ["paid", "cancelled"],
  paid: ["shipped", "cancelled"],
  shipped: ["delivered"],
  delivered: [],
  cancelled: [],
};
export const canTransition = (from: OrderStatus, to: OrderStatus) => allowedTransitions[from].includes(to);

export const TEST_CARD_SUCCESS = "4242424242424242";
export const TEST_CARD_DECLINE = "4000000000000002";
/** Approves after 3 s: lets a test (or a person) crash the server while a charge is on the wire. */
export const TEST_CARD_SLOW = "4000000000003063";
export const TEST_CARD_SLOW_DELAY_MS = 3_000;

const text = (max: number) => z.string().trim().min(1, "Required").max(max);

export const shippingAddress = z
  .object({
    name: text(100),
    line1: text(200),
    line2: z.string().trim().max(200).optional(),
    city: text(100),
    postalCode: z.string().trim().min(2, "Enter a postal code").max(20),
    /** For the carrier; optional. Personal data: sealed at rest with the rest of the address (ADR 074). */
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ().-]{4,28}[0-9]$/, "Enter a phone number: digits, spaces, ( ) . - and an optional leading +")
      .optional(),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, "Choose a country from the list (2-letter code, e.g. US)"),
  })
  .strict();
export type ShippingAddress = z.infer<typeof shippingAddress>;

/** `variantId` names what to buy; a product id alone still works for a product with one variant (issue 12). */
export const cartLine = z
  .object({
    productId: uuid,
    variantId: uuid.optional(),
    quantity: z.number().int().min(1, "Must be at least 1").max(MAX_QUANTITY_PER_LINE, `At most ${MAX_QUANTITY_PER_LINE} per line`),
  })
  .strict();
export type CartLine = z.infer<typeof cartLine>;

const cartItems = z
  .array(cartLine)
  .min(1, "Add at least one item")
  .max(MAX_CART_LINES, `At most ${MAX_CART_LINES} different items per order`)
  .refine((items) => new Set(items.map((i) => `${i.productId}/${i.variantId ?? ""}`)).size === items.length, "Each product or variant may appear only once");

/** "MM/YY" → whether the card still works this month (a card is valid to the end of its expiry month). */
export function expiryNotPast(expiry: string, now: Date = new Date()): boolean {
  const match = /^(\d{2})\/(\d{2})$/.exec(expiry);
  if (!match) return false;
  const year = 2000 + Number(match[2]);
  const month = Number(match[1]);
  return year > now.getFullYear() || (year === now.getFullYear() && month >= now.getMonth() + 1);
}

/**
 * The test card. Expiry and CVC are checked here like a real card form would, but only the number goes to the
 * payment provider; none of them is stored or logged (the logger redacts all three).
 */
export const paymentInput = z
  .object({
    method: z.literal("test_card"),
    cardNumber: z
      .string()
      .trim()
      .min(1, "Enter a card number")
      .regex(/^\d{12,19}$/, "Enter the card number using digits only (12 to 19 digits)"),
    expiry: z
      .string()
      .trim()
      .min(1, "Enter the expiry date")
      .regex(/^(0[1-9]|1[0-2])\/\d{2}$/, "Enter the expiry as MM/YY, e.g. 04/29")
      .refine((value) => expiryNotPast(value), "This card has expired"),
    cvc: z
      .string()
      .trim()
      .min(1, "Enter the security code")
      .regex(/^\d{3,4}$/, "Enter the 3 or 4 digits on the back of the card"),
  })
  .strict();

/**
 * POST /api/v1/orders. Prices and totals are never accepted from the client (strict → 400). The address is
 * either inline or a saved one (`shippingAddressId`), exactly one of the two; `email` is for guest checkout
 * (required without a session or token, refused with one).
 */
export const orderCreateFields = z
  .object({
    items: cartItems,
    shippingAddress: shippingAddress.optional(),
    shippingAddressId: uuid.optional(),
    payment: paymentInput,
    email: z
      .string({ error: "Enter your e-mail address" })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Must be a valid email address" }).max(254))
      .optional(),
  })
  .strict();
/** The fields without the "exactly one address" rule: forms pick from here (zod cannot pick from a refined object). */
export const orderCreate = orderCreateFields.refine((o) => (o.shippingAddress === undefined) !== (o.shippingAddressId === undefined), {
  path: ["shippingAddress"],
  message: "Give a shipping address or choose a saved one (exactly one of the two)",
});
export type OrderCreate = z.infer<typeof orderCreate>;

/** POST /api/v1/cart/quote */
export const quoteRequest = z.object({ items: cartItems }).strict();
export type QuoteRequest = z.infer<typeof quoteRequest>;

/**
 * Why a cart line cannot be ordered as it is: the product is gone, archived (or its brand is), sold out, has
 * fewer units than asked (`available` says how many), is priced in another currency than the rest of the cart, or has
 * several variants and the line names none (`variant_required`).
 */
export const quoteProblem = z.enum(["not_found", "archived", "out_of_stock", "insufficient_stock", "currency_mismatch", "variant_required"]);
export type QuoteProblem = z.infer<typeof quoteProblem>;
/** One line of a quote. Lines with a problem have lineTotalCents 0 and are left out of the totals. */
export const quoteLine = z.object({
  productId: uuid,
  /** The variant priced (null when the product or the variant cannot be found, or a variant must be chosen). */
  variantId: uuid.nullable(),
  optionValues,
  slug: z.string().nullable(),
  name: z.string().nullable(),
  imageUrl: z.string().nullable(),
  quantity: z.number().int(),
  unitPriceCents: z.number().int().nullable(),
  lineTotalCents: z.number().int(),
  available: z.number().int(),
  problem: quoteProblem.nullable(),
});
export const totals = z.object({
  subtotalCents: z.number().int(),
  taxCents: z.number().int(),
  shippingCents: z.number().int(),
  totalCents: z.number().int(),
  currency,
});
/** Current server prices for a cart; `orderable` is true when every line can be ordered as it is. */
export const quote = z.object({ lines: z.array(quoteLine), ...totals.shape, orderable: z.boolean() });
export type Quote = z.infer<typeof quote>;
export type QuoteLine = z.infer<typeof quoteLine>;

export const orderItem = z.object({
  productId: uuid,
  /** Null when the variant has since been removed from the product. */
  variantId: uuid.nullable(),
  sku: z.string(),
  /** The option values bought, e.g. { Size: "M" } ({} for a product without options). */
  optionValues,
  name: z.string(),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineTotalCents: z.number().int(),
});
export const orderEvent = z.object({ status: orderStatus, at: z.string(), actor: z.string() });

export const order = z.object({
  id: uuid,
  number: z.string(),
  /** Null for a guest checkout (and for orders kept after their owner deleted the account). */
  userId: uuid.nullable(),
  /** A guest checkout's e-mail address; null for account orders. */
  guestEmail: z.string().nullable(),
  status: orderStatus,
  items: z.array(orderItem),
  ...totals.shape,
  shippingAddress,
  events: z.array(orderEvent),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Only in GET /orders/:id for staff and admins: who placed it (null when the account has been deleted). */
  customer: z.object({ id: uuid, name: z.string(), email: z.string() }).nullable().optional(),
});
export type Order = z.infer<typeof order>;
export type OrderCustomer = NonNullable<Order["customer"]>;

/** The 201 of a checkout: a guest also gets the token that opens this order (GET /orders/:id?access=…). */
export const createdOrder = order.extend({ guestAccessToken: z.string().optional() });
export type CreatedOrder = z.infer<typeof createdOrder>;

/** GET /orders/:id?access=<guestAccessToken>: a guest's way back to their order. */
export const orderAccessQuery = z.object({ access: z.string().trim().min(20).max(200).optional() }).strict();

export const orderListQuery = z
  .object({
    status: orderStatus.optional(),
    userId: uuid.optional(),
    /** Staff search: an order number (FP-000123 or 123) or part of the customer's email. */
    q: z.string().trim().min(1).max(100).optional(),
    ...pageQuery,
  })
  .strict();
export type OrderListQuery = z.input<typeof orderListQuery>;
export type OrderListFilters = z.output<typeof orderListQuery>;
export const orderList = listOf(order);

export const statusChange = z.object({ status: orderStatus }).strict();

export const transaction = z.object({
  id: uuid,
  kind: z.enum(["charge", "refund"]),
  status: z.enum(["succeeded", "failed"]),
  amountCents: z.number().int(),
  currency: z.string(),
  provider: z.string(),
  reference: z.string(),
  createdAt: z.string(),
});
export type Transaction = z.infer<typeof transaction>;
export const transactionList = z.object({ data: z.array(transaction) });

/** Figures for the staff dashboard: paid, shipped or delivered orders created since midnight UTC. */
export const businessFigures = z.object({
  ordersToday: z.number().int(),
  revenueTodayCents: z.number().int(),
  customersWhoOrderedToday: z.number().int(),
});
export type BusinessFigures = z.infer<typeof businessFigures>;

/** Idempotency-Key header: opaque, printable, bounded (IETF httpapi-idempotency-key draft). */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
/** Set on a response that repeats the stored answer to an earlier request with the same Idempotency-Key. */
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";
export const idempotencyKey = z
  .string()
  .trim()
  .min(8, "Idempotency-Key must be 8–255 characters")
  .max(255)
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key must be printable ASCII");

export const formatOrderNumber = (n: number) => `FP-${String(n).padStart(6, "0")}`;
/** "FP-000123", "fp-123" or "123" → 123; anything else → undefined (then it is not an order number). */
export function parseOrderNumber(text: string): number | undefined {
  const match = /^(?:FP-?)?0*(\d{1,15})$/i.exec(text.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
