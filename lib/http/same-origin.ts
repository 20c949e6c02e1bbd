// Refuses browser requests sent from another site to a route that changes data. A page elsewhere can post
// a multipart form (fetch with mode "no-cors", or a plain <form>) without reading the answer; browsers
// always mark such requests with Origin and Sec-Fetch-Site. Clients without either (curl, CI) pass.

export const CROSS_ORIGIN_MESSAGE =
  "Cross-origin request refused: this route only accepts requests from the dashboard's own pages or from clients without an Origin header (curl, CI).";

/** Why the request must be refused, or null when it may go on. */
export function crossOriginProblem(headers: Headers): string | null {
  const site = headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return `Sec-Fetch-Site: ${site}`;

  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    // "null" (sandboxed frames, file: pages, some redirects) or garbage.
    return `Origin: ${origin.slice(0, 100)}`;
  }
  // X-Forwarded-Host too: behind a proxy Host is the upstream's. A cross-site page cannot set it (a custom
  // header needs a CORS preflight, which this app never grants).
  const hosts = [headers.get("host"), ...(headers.get("x-forwarded-host")?.split(",") ?? [])]
    .filter((host): host is string => !!host)
    .map((host) => host.trim().toLowerCase());
  return hosts.includes(originHost) ? null : `Origin ${originHost} does not match the host`;
}

/** A 403 JSON answer for a cross-origin request, or null when it may go on. */
export function refuseCrossOrigin(request: Request): Response | null {
  const problem = crossOriginProblem(request.headers);
  return problem === null ? null : Response.json({ error: CROSS_ORIGIN_MESSAGE, reason: problem }, { status: 403 });
}
