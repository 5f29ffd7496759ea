// Talks to the MMX API as the app does: form-encoded (or multipart) POSTs, the JSON
// envelope, and the identity headers. The session lives in this tab's sessionStorage
// and travels only in headers, never in a cookie, so another site cannot make the
// browser act for the signed-in staff member (no CSRF).

const SESSION_KEY = 'mmx.console.session';
const CLIENT_KEY = 'mmx.console.client';

function randomHex(bytes) {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

// One install identifier per tab, as a phone has one per install.
export function clientId() {
  let id = sessionStorage.getItem(CLIENT_KEY);
  if (!id) {
    id = 'CONSOLE' + randomHex(8);
    sessionStorage.setItem(CLIENT_KEY, id);
  }
  return id;
}

export function loadSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    return session && session.uid && session.accessToken ? session : null;
  } catch {
    return null;
  }
}

function saveSession(session) {
  if (session) sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(SESSION_KEY);
}

// A failed envelope, or a fault before one (network, HTTP status without JSON).
export class ApiError extends Error {
  constructor(code, info, data) {
    super(info || code);
    this.code = code;
    this.info = info || code;
    this.data = data || null;
  }
}

const SESSION_ENDED = new Set(['AUTH_REQUIRED', 'TOKEN_INVALID', 'TOKEN_EXPIRED']);
let onSessionEnded = () => {};
export function whenSessionEnds(callback) {
  onSessionEnded = callback;
}

function formBody(params) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((v) => body.append(name, String(v)));
    else body.append(name, String(value));
  }
  return body;
}

async function send(route, body, { anonymous = false } = {}) {
  const headers = { client: clientId() };
  const session = anonymous ? null : loadSession();
  if (session) {
    headers.uid = session.uid;
    headers.accessToken = session.accessToken;
    if (session.expire) headers.expire = session.expire;
  }
  let response;
  try {
    response = await fetch(route, { method: 'POST', headers, body, credentials: 'omit' });
  } catch {
    throw new ApiError('NETWORK', '网络错误，请稍后再试');
  }
  let envelope;
  try {
    envelope = await response.json();
  } catch {
    throw new ApiError('SERVER_ERROR', `服务器错误（HTTP ${response.status}）`);
  }
  if (session && response.headers.get('expire')) {
    saveSession({ ...session, expire: response.headers.get('expire') });
  }
  if (!envelope || envelope.success !== true) {
    const code = (envelope && envelope.code) || 'SERVER_ERROR';
    if (!anonymous && SESSION_ENDED.has(code)) {
      saveSession(null);
      onSessionEnded(envelope.info || '登录已失效，请重新登录');
    }
    throw new ApiError(code, envelope && envelope.info, envelope && envelope.data);
  }
  return { data: envelope.data || {}, info: envelope.info, headers: response.headers };
}

export function call(route, params) {
  return send(route, formBody(params));
}

export function upload(route, file, params) {
  const body = new FormData();
  for (const [name, value] of Object.entries(params || {})) body.append(name, value);
  body.append('file', file, file.name);
  return send(route, body);
}

// The raw file as the body (nginx writes it to disk as it arrives), the fields in the
// query string: how /manager/version!publish takes a package of up to 300 MB.
export function uploadRaw(route, file, params) {
  const query = formBody(params).toString();
  return send(query ? `${route}?${query}` : route, file);
}

export async function login(mobile, password) {
  const { data, headers } = await send(
    '/user/user!login',
    formBody({ 'userVO.userName': mobile, 'userVO.password': password }),
    { anonymous: true },
  );
  const user = data.userVO || {};
  const session = {
    uid: headers.get('uid') || String(user.userId || ''),
    accessToken: headers.get('accessToken'),
    expire: headers.get('expire') || '',
    nickName: user.nickName || mobile,
  };
  if (!session.uid || !session.accessToken) throw new ApiError('SERVER_ERROR', '登录应答缺少令牌');
  saveSession(session);
  return session;
}

export function updateSession(fields) {
  const session = loadSession();
  if (session) saveSession({ ...session, ...fields });
}

export async function signOut() {
  try {
    if (loadSession()) await call('/user/user!signOut');
  } catch {
    // The session is dropped here whatever the server answered.
  } finally {
    saveSession(null);
  }
}
