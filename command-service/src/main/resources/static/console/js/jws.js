// Compact JWS checked in the browser, as any auditor could: ES256 with WebCrypto against the public keys published at
// /.well-known/jwks.json.

export function base64url(text) {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The JWS's payload as text. */
export function payloadText(jws) {
  return new TextDecoder().decode(base64url(jws.split('.')[1]));
}

/**
 * A compact JWS checked as ES256 against the published key its header names; true when it holds. With bodyText, its
 * payload must also be that text.
 */
export async function verifyJws(jws, bodyText) {
  const [header, payload, signature] = jws.split('.');
  const protectedHeader = JSON.parse(new TextDecoder().decode(base64url(header)));
  if (protectedHeader.alg !== 'ES256') {
    throw new Error(`the receipt is signed with ${protectedHeader.alg}, not ES256`);
  }
  if (bodyText !== null && new TextDecoder().decode(base64url(payload)) !== bodyText) {
    return false;
  }
  if (!globalThis.crypto || !crypto.subtle) {
    throw new Error('this browser offers no WebCrypto on this page (it needs HTTPS or localhost) to check the signature');
  }
  const response = await fetch('/.well-known/jwks.json', { headers: { Accept: 'application/jwk-set+json' } });
  if (!response.ok) {
    throw new Error(`the public keys could not be read (${response.status})`);
  }
  const jwk = (await response.json()).keys.find((key) => key.kid === protectedHeader.kid);
  if (!jwk) {
    throw new Error(`no published key has the id ${protectedHeader.kid}`);
  }
  const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  // a JWS's ES256 signature is R || S, the form WebCrypto takes
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, base64url(signature),
    new TextEncoder().encode(`${header}.${payload}`));
}
