import { z } from "zod";
import { email, newPassword, personName, user } from "./auth";
import { uuid } from "./common";
import { order, shippingAddress } from "./orders";

/** Account self-service (issue 11): password reset, e-mail verification, profile, saved addresses, export, deletion. */

/** A mailed token as it comes back from a link: 43 base64url characters (32 random bytes). */
const mailedToken = z
  .string({ error: "The link is incomplete" })
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, "The link is incomplete or damaged");

export const forgotPasswordBody = z.object({ email }).strict();
export type ForgotPasswordBody = z.infer<typeof forgotPasswordBody>;

export const resetPasswordBody = z.object({ token: mailedToken, password: newPassword }).strict();
export type ResetPasswordBody = z.infer<typeof resetPasswordBody>;

export const verifyEmailBody = z.object({ token: mailedToken }).strict();
export type VerifyEmailBody = z.infer<typeof verifyEmailBody>;

/** The current password is only bounded: the stored hash decides. */
const currentPassword = z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(128, "Must be at most 128 characters");

export const changePasswordBody = z.object({ currentPassword, newPassword }).strict();
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

export const profileUpdate = z.object({ name: personName }).strict();
export type ProfileUpdate = z.infer<typeof profileUpdate>;

/** The new address gets a confirmation link; the account keeps the old one until it is followed. */
export const emailChangeBody = z.object({ email, password: currentPassword }).strict();
export type EmailChangeBody = z.infer<typeof emailChangeBody>;

export const deleteAccountBody = z.object({ password: currentPassword }).strict();
export type DeleteAccountBody = z.infer<typeof deleteAccountBody>;

// ---- Saved addresses ----
export const addressCreate = shippingAddress.extend({ isDefault: z.boolean().optional() }).strict();
export type AddressCreate = z.infer<typeof addressCreate>;
export const addressUpdate = addressCreate.partial().strict();
export type AddressUpdate = z.infer<typeof addressUpdate>;

export const savedAddress = shippingAddress.extend({ id: uuid, isDefault: z.boolean(), createdAt: z.string() });
export type SavedAddress = z.infer<typeof savedAddress>;
export const addressList = z.object({ data: z.array(savedAddress) });
export type AddressList = z.infer<typeof addressList>;

/** GET /me/export: everything the shop keeps about the signed-in person, as JSON. */
export const accountExport = z.object({
  exportedAt: z.string(),
  user,
  addresses: z.array(savedAddress),
  orders: z.array(order),
});
export type AccountExport = z.infer<typeof accountExport>;
