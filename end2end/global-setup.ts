// Waits until the store answers /health with the database up, so tests never race the
// server's start-up (cargo-leptos starts the server and the tests at the same moment).
export default async function globalSetup(): Promise<void> {
  const baseURL = process.env.BASE_URL ?? "http://127.0.0.1:3000";
  const deadline = Date.now() + 180_000;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseURL}/health`);
      if (response.ok) {
        const body = await response.json();
        if (body?.database?.status === "up") return;
        last = JSON.stringify(body);
      } else {
        last = `HTTP ${response.status}`;
      }
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the store at ${baseURL} did not become healthy: ${last}`);
}
