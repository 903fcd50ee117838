import { user } from "@shared/contracts/auth";
import { idParams, ifMatchHeaders } from "@shared/contracts/common";
import { userListQuery, userPage, userUpdate } from "@shared/contracts/users";
import { routeTable } from "../../lib/route-table";
import { entityTagHeader, ifMatchRule, parseIfMatch, withEntityTag } from "../../lib/versioning";
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
      responses: { 200: { description: "The user.", schema: user, headers: entityTagHeader } },
      errors: [400, "unauthenticated", "forbidden", "not_found"],
      handler: async ({ user, params, res }, users) => withEntityTag(res, await users.get(user, params.id)),
    }),
    route({
      method: "patch",
      path: "/users/:id",
      operationId: "updateUser",
      summary: "Change a user's name or role",
      description: `The last admin cannot be demoted (409 \`conflict\`). ${ifMatchRule}`,
      access: "admin",
      request: { params: idParams, body: userUpdate, headers: ifMatchHeaders },
      responses: { 200: { description: "The updated user.", schema: user, headers: entityTagHeader } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "precondition_failed", "conflict"],
      handler: async ({ user, params, body, headers, req, res }, users) =>
        withEntityTag(res, await users.update(user, params.id, body, requestMeta(req), parseIfMatch(headers["If-Match"]))),
    }),
    route({
      method: "delete",
      path: "/users/:id",
      operationId: "deleteUser",
      summary: "Delete a user",
      description: `The last admin cannot be deleted, nor a user with orders (409 \`conflict\`). ${ifMatchRule}`,
      access: "admin",
      request: { params: idParams, headers: ifMatchHeaders },
      responses: { 204: { description: "Deleted." } },
      errors: [400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "precondition_failed", "conflict"],
      handler: ({ user, params, headers, req }, users) => users.remove(user, params.id, requestMeta(req), parseIfMatch(headers["If-Match"])),
    }),
  ],
);
