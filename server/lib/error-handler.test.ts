import { DrizzleQueryError } from "drizzle-orm/errors";
import { describe, expect, it } from "vitest";
import { loggableError } from "./error-handler";

describe("loggableError", () => {
  it("when a query fails, then the logged error keeps the SQL but never the parameters", () => {
    const secret = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0$aGFzaA";
    const err = new DrizzleQueryError("insert into users (email, password_hash) values ($1, $2)", ["a@b.test", secret], new Error("duplicate key"));
    const logged = JSON.stringify(loggableError(err));
    expect(logged).toContain("insert into users");
    expect(logged).toContain("duplicate key");
    expect(logged).not.toContain(secret);
    expect(logged).not.toContain("a@b.test");
  });
});
