import { Router } from "express";

export function openApiRoutes(): Router {
  return Router();
}
