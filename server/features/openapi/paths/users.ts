import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { user } from "@shared/contracts/auth";
import { idParams } from "@shared/contracts/common";
import { userListQuery, userPage, userUpdate } from "@shared/contracts/users";
import { emptyResponse, errorResponses, jsonBody, jsonResponse, nameSchema, security } from "../openapi.components";

export const tag = { name: "Users", description: "User administration (admins only)." };
const tags = [tag.name];

/** Users: the admin API. */
export function register(registry: OpenAPIRegistry): void {
  nameSchema(user, "User", "The public user: never a password hash.");
  nameSchema(userPage, "UserList");

  registry.registerPath({
    method: "get",
    path: "/api/v1/users",
    operationId: "listUsers",
    tags,
    summary: "List users",
    description: "Filter by `role` and `q` (case-insensitive substring of email or name). Admins only.",
    security: security.read,
    request: { query: userListQuery },
    responses: { 200: jsonResponse("A page of users.", userPage), ...errorResponses(400, "unauthenticated", "forbidden") },
  });
  registry.registerPath({
    method: "get",
    path: "/api/v1/users/{id}",
    operationId: "getUser",
    tags,
    summary: "Get a user",
    security: security.read,
    request: { params: idParams },
    responses: { 200: jsonResponse("The user.", user), ...errorResponses(400, "unauthenticated", "forbidden", "not_found") },
  });
  registry.registerPath({
    method: "patch",
    path: "/api/v1/users/{id}",
    operationId: "updateUser",
    tags,
    summary: "Change a user's name or role",
    description: "The last admin cannot be demoted (409 `conflict`).",
    security: security.write,
    request: { params: idParams, body: jsonBody(userUpdate) },
    responses: { 200: jsonResponse("The updated user.", user), ...errorResponses(400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "conflict") },
  });
  registry.registerPath({
    method: "delete",
    path: "/api/v1/users/{id}",
    operationId: "deleteUser",
    tags,
    summary: "Delete a user",
    description: "The last admin cannot be deleted, nor a user with orders (409 `conflict`).",
    security: security.write,
    request: { params: idParams },
    responses: { 204: emptyResponse("Deleted."), ...errorResponses(400, "unauthenticated", "forbidden", "csrf_failed", "not_found", "conflict") },
  });
}
