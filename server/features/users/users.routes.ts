import { user } from "@shared/contracts/auth";
import { idParams } from "@shared/contracts/common";
import { userListQuery, userPage, userUpdate } from "@shared/contracts/users";
import { routeTable } from "../../lib/route-table";
import { requestMeta } from "../audit/request-meta";
import type { UsersService } from "./users.service";

/** Users admin API: admins only (the service checks again). */
export const usersRoutes = routeTable<UsersService>(
  {
    mount: "/api/v1",
    tag: { name: "Users", description: "User administration (admins only)." },
    schemas: { User: [user, "The public user: never a password hash."], UserList: userPage },
    commonErrors: true,
  },
  (route) => [
    route({
      method: "get",
      path: "/users",
      operationId: "listUsers",
      summary: "List users",
      description: "Filter by `role` and `q` (case-insensitive substring of email or name). Admins only.",
      access: "admin",
      request: { query: userListQuery },
      responses: { 200: { description: "A page of users.", schema: userPage } },
      errors: [400, "unauthenticated", "forbidden"],
      handler: ({ user, query }, users) => users.list(user, query),
    }),
    route({
      method: "get",
      path: "/users/:id",
      operationId: "getUser",
      summary: "Get a user",
      access: "admin",
      request: { params: idParams },
      responses: { 200: { description: "The user.", schema: user } },
      errors: [400, "unauthenticated", "forbidden", "not_found"],
      handler: ({ user, params }, users) => users.get(user, params.id),
    }),
    route({
      method: "patch",
      path: "/users/:id",
      operationId: "updateUser",
      summary: "Change a user's name or role",
      description: "The last admin cannot be demoted (409 `conflict`).",
      access: "admin",
      request: { params: idParams, body: userUpdate },
      responses: { 200: { description: "The updated user.", schema: user } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "conflict"],
      handler: ({ user, params, body, req }, users) => users.update(user, params.id, body, requestMeta(req)),
    }),
    route({
      method: "delete",
      path: "/users/:id",
      operationId: "deleteUser",
      summary: "Delete a user",
      description: "The last admin cannot be deleted, nor a user with orders (409 `conflict`).",
      access: "admin",
      request: { params: idParams },
      responses: { 204: { description: "Deleted." } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "conflict"],
      handler: ({ user, params, req }, users) => users.remove(user, params.id, requestMeta(req)),
    }),
  ],
);
