import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { bearerFor } from "../../test/agents";
import { makeOrder, makeProduct } from "../../test/factories";
import { createTestApp, type TestApp } from "../../test/harness";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

const get = (authorization: string, id: string) => request(t.app).get(`/api/v1/orders/${id}`).set("Authorization", authorization);

describe("GET /api/v1/orders/:id customer", () => {
  it("when staff open an order, then it names the customer by name and e-mail; the customer's own view does not repeat it", async () => {
    const staff = await bearerFor(t, "staff");
    const shopper = await bearerFor(t, "customer");
    const product = await makeProduct(t.db);
    const order = await makeOrder(t.db, { userId: shopper.user.id, productId: product.id, status: "paid" });

    const seen = await get(staff.authorization, order.id);
    expect(seen.status).toBe(200);
    expect(seen.body.customer).toEqual({ id: shopper.user.id, name: shopper.user.name, email: shopper.user.email });

    const own = await get(shopper.authorization, order.id);
    expect(own.status).toBe(200);
    expect(own.body.customer).toBeUndefined();
  });
});
