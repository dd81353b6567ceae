export default async function globalTeardown(): Promise<void> {
  const running = globalThis as unknown as { __testServices?: { stop(): Promise<void> } };
  await running.__testServices?.stop();
}
