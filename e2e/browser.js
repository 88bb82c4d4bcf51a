'use strict';
/**
 * Browser cases of `npm run test:e2e`: NOT WRITTEN YET (the next part of the issue).
 *
 * scripts/n8n/e2e.js runs these after the headless cases, while the n8n server is still up, and
 * counts each like the others. Each case is { name, async run(context) } and throws to fail, with
 * context = {
 *   baseUrl,     // e.g. http://127.0.0.1:41234 — the running n8n (owner account set up)
 *   owner,       // { email, password, firstName, lastName } — sign in at `${baseUrl}/signin`
 *   sandbox,     // the in-process sandbox handle (url, ids, state.requests, reset(), …)
 *   examples,    // [{ file, id, name, json }] — the imported example workflows
 *   artifactsDir // a folder for screenshots and traces, kept when a case fails
 * }.
 *
 * Plan (see ../../shared/n8n-runtime-notes.md, "The editor in a browser"): `playwright-core`
 * from npm with the Debian `chromium` (`executablePath: '/usr/bin/chromium'`, headless,
 * --no-sandbox, a fresh --user-data-dir; never a downloaded browser); sign in, open an example,
 * `[data-test-id=execute-workflow-button]`, wait for `[data-test-id=canvas-node-status-success]`,
 * and check the sandbox's request log; add the node from the nodes panel by searching "WhatsApp".
 * When playwright-core or /usr/bin/chromium is missing, return the cases with `skip: '<reason>'`
 * so that the closing line says so instead of failing.
 */
module.exports = [];
