import { publishStack, startStack } from "./stack.ts";

// One local stack for every browser test file (`node --test --test-global-setup`): starting
// wrangler takes seconds, and each test still works in a workspace of its own.
let stop: (() => Promise<void>) | undefined;

export async function globalSetup() {
  const { stop: stopStack, ...stack } = await startStack();
  stop = stopStack;
  publishStack(stack);
}

export async function globalTeardown() {
  await stop?.();
}
