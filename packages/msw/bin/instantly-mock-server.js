#!/usr/bin/env node
// The published bin. A committed shim rather than dist/bin/serve.js itself: package managers link bins at
// install time, before a workspace has built dist/, and warn (ENOENT) about a bin that does not exist yet.
await import("../dist/bin/serve.js");
