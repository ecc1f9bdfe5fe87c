// Who is signed in: a bearer token kept for this browser tab only. Deployed, it comes from
// OpenID Connect (authorization code with PKCE); in the local run, from the persona picker.

const TOKEN = 'token';
const PKCE = 'pkce';
const RETURN_TO = 'returnTo';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function signInWith(value) {
  sessionStorage.setItem(TOKEN, value.trim());
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

/**
 * The claim and role names of this deployment's tokens (config.json's claims, the service's
 * renewal.auth settings); these defaults are the service's until config.json is read.
 */
let names = { partner: 'partner_id', roles: 'roles', partnerAdminRole: 'mpn-partner-admin', operatorRole: 'membership-operator' };

export function useClaimNames(configured) {
  if (configured) names = { ...names, ...configured };
}

export function claimNames() {
  return names;
}

/**
 * The token's claims, for display and menus only: the API decides from the verified token. Null
 * when there is no token or it cannot be read as a JWT (its payload not a JSON object).
 */
export function claims() {
  const value = token();
  if (!value) return null;
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0))));
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return null;
    const listed = json[names.roles];
    const roles = Array.isArray(listed) ? listed
      : String(listed ?? '').replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
    return { subject: json.sub ?? '', partnerId: json[names.partner] ?? null, roles };
  } catch {
    return null;
  }
}

export function isOperator() {
  return claims()?.roles.includes(names.operatorRole) ?? false;
}

/**
 * Whether the API can answer this token at all (lambda.Identity, usecase.Access): a partner with
 * the partner admin role, or the operator role. Any other token fails every call (401 or 403).
 */
export function usable() {
  const who = claims();
  return isOperator() || Boolean(who?.partnerId && who.roles.includes(names.partnerAdminRole));
}

/** A deep link opened before sign-in is remembered and opened after it. */
export function rememberReturn(path) {
  sessionStorage.setItem(RETURN_TO, path);
}

export function takeReturn() {
  const path = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return path;
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery answered ${response.status}`);
  return response.json();
}

/** Sends the browser to the issuer with a fresh PKCE verifier and state (RFC 7636, S256). */
export async function startOidc(config) {
  const metadata = await discover(config.issuer);
  const verifier = randomText();
  const state = randomText();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri, scope: config.scope,
    state, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

/** The issuer sent the browser back: check the state, trade the code and verifier for tokens. */
export async function finishOidc(config, params) {
  const saved = JSON.parse(sessionStorage.getItem(PKCE) ?? 'null');
  sessionStorage.removeItem(PKCE);
  if (params.get('error')) throw new Error(params.get('error_description') ?? params.get('error'));
  if (!saved || params.get('state') !== saved.state) throw new Error('the sign-in state does not match; start again');
  const metadata = await discover(config.issuer);
  const response = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: config.redirectUri,
      client_id: config.clientId, code_verifier: saved.verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok || !tokens.access_token) throw new Error(tokens.error_description ?? tokens.error ?? `token endpoint ${response.status}`);
  signInWith(tokens.access_token);
}
