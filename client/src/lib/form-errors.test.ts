import { describe, expect, it } from "vitest";
import { ApiError } from "./api";
import { applyServerError, rateLimitMessage } from "./form-errors";

type Form = { email: string; password: string };

function recorder() {
  const errors: Record<string, string | undefined> = {};
  const setError = (name: string, error: { message?: string }) => {
    errors[name] = error.message;
  };
  return { errors, setError: setError as never };
}

const fields = ["email", "password"] as const;

describe("applyServerError", () => {
  it("when the server sends validation details, then each lands on its field and unknown paths are ignored", () => {
    const { errors, setError } = recorder();
    const error = new ApiError(400, "validation_failed", "Invalid", [
      { path: "password", message: "Must be at least 12 characters" },
      { path: "somethingElse", message: "x" },
    ]);
    expect(applyServerError<Form>(error, setError, { fields })).toBe(true);
    expect(errors).toEqual({ password: "Must be at least 12 characters" });
  });

  it("when a code belongs to a field (409 email_taken), then its message is shown on that field", () => {
    const { errors, setError } = recorder();
    const error = new ApiError(409, "email_taken", "An account with this email already exists.", [{ path: "email", message: "Already registered" }]);
    expect(applyServerError<Form>(error, setError, { fields, fieldForCode: { email_taken: "email" } })).toBe(true);
    expect(errors).toEqual({ email: "An account with this email already exists." });
  });

  it("when sign-in fails (401 invalid_credentials), then the form says so in its own words", () => {
    const { errors, setError } = recorder();
    const error = new ApiError(401, "invalid_credentials", "The email or password is incorrect.");
    applyServerError<Form>(error, setError, { fields, messageForCode: { invalid_credentials: "Email or password is incorrect" } });
    expect(errors).toEqual({ "root.server": "Email or password is incorrect" });
  });

  it("when the server rate-limits (429), then the form says how many seconds to wait", () => {
    const { errors, setError } = recorder();
    applyServerError<Form>(new ApiError(429, "rate_limited", "Too many requests.", [], undefined, 37), setError, { fields });
    expect(errors).toEqual({ "root.server": "Too many attempts. Try again in 37 seconds." });
    expect(rateLimitMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(rateLimitMessage(undefined)).toBe("Too many attempts. Please wait a moment and try again.");
  });

  it("when the failure is not from the API, then a generic form-level message is shown", () => {
    const { errors, setError } = recorder();
    expect(applyServerError<Form>(new TypeError("boom"), setError, { fields })).toBe(false);
    expect(errors).toEqual({ "root.server": "Something went wrong. Please try again." });
  });
});
