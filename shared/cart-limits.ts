/*
 * What one cart (and so one order) may hold. The order contract's cartLine/cartItems schemas enforce these on
 * the server; the SPA's cart store clamps to them so it never holds what the API would refuse. A module of its
 * own, without zod, because the cart store sits in the storefront's entry chunk.
 */

/** Units of one product in one cart line. */
export const MAX_QUANTITY_PER_LINE = 100;
/** Different products in one cart. */
export const MAX_CART_LINES = 50;
