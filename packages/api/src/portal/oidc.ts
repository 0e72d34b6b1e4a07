/** The IdP's discovery document, fetched once per issuer: only the logout endpoint is needed here. */
const discovery = new Map<string, Promise<{ end_session_endpoint?: string }>>();

/** Where RP-initiated logout goes; undefined when the IdP has none (or cannot be reached). */
export function endSessionEndpoint(issuer: string): Promise<string | undefined> {
  let p = discovery.get(issuer);
  if (!p) {
    p = fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)
      .then((r) => r.json() as Promise<{ end_session_endpoint?: string }>)
      .catch(() => ({}));
    discovery.set(issuer, p);
  }
  return p.then((d) => d.end_session_endpoint);
}
