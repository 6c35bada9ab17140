import { beforeEach } from "vitest";
import { assertTestDatabase, truncateAll } from "./db";

assertTestDatabase();

beforeEach(async () => {
  await truncateAll();
});
