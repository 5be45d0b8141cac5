import { type FormEvent, useState } from "react";

/** Asks for the API key at run time; the key is never part of the build. */
export function ApiKeyForm({
  onSubmit,
  usesMockApi,
}: {
  onSubmit: (key: string) => void;
  usesMockApi: boolean;
}) {
  const [key, setKey] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (key.trim()) onSubmit(key.trim());
  }

  return (
    <form className="api-key-form" onSubmit={submit} aria-labelledby="api-key-title">
      <h1 id="api-key-title">Connect to Instantly</h1>
      <p className="muted">
        {usesMockApi
          ? "This build talks to the mock API in your browser: any key works."
          : "Paste an Instantly API v2 key. It stays in this browser tab (session storage) only."}
      </p>
      <label>
        API key
        <input
          type="password"
          autoComplete="off"
          value={key}
          onChange={(event) => setKey(event.target.value)}
          required
        />
      </label>
      <button type="submit">Connect</button>
    </form>
  );
}
