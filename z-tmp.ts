import { orderCreate } from "./shared/contracts/orders";
const f = orderCreate.pick({ shippingAddress: true, payment: true });
console.log(f.safeParse({ payment: { method: "test_card", cardNumber: "4242424242424242" } }).success);
