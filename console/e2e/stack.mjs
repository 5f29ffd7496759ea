// The test stack as the console's test sees it: its base URL and var dir (from the
// ctest fixture's environment), users registered through the API with the code from
// the stack's SMS outbox, and site roles granted with scripts/admin.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const env = {
  baseUrl: process.env.MMX_TEST_BASE_URL || 'http://127.0.0.1:18080',
  varDir: process.env.MMX_TEST_VAR,
  repo: process.env.MMX_TEST_REPO,
};
if (!env.varDir || !env.repo) {
  throw new Error('MMX_TEST_VAR and MMX_TEST_REPO must name the test stack (ctest sets them)');
}

const client = () => 'E2E' + randomBytes(6).toString('hex');

export function uniqueMobile() {
  const second = 3 + (randomBytes(1)[0] % 7);
  const rest = Array.from(randomBytes(9), (b) => b % 10).join('');
  return `1${second}${rest}`;
}

export async function post(route, params, headers = {}) {
  const response = await fetch(env.baseUrl + route, {
    method: 'POST',
    headers: { client: headers.client || client(), ...headers },
    body: new URLSearchParams(params),
  });
  const envelope = await response.json();
  return { envelope, headers: response.headers };
}

function lastCode(mobile) {
  const lines = readFileSync(`${env.varDir}/sms-outbox.jsonl`, 'utf8').split('\n');
  let code = null;
  for (const line of lines) {
    if (!line.trim()) continue;
    try {
      const message = JSON.parse(line);
      if (message.mobile === mobile && message.purpose === 'register') code = message.code;
    } catch {
      // A line still being written by another suite's request.
    }
  }
  if (!code) throw new Error(`no register code for ${mobile} in the outbox`);
  return code;
}

export async function newUser() {
  const mobile = uniqueMobile();
  const password = 'pw-' + randomBytes(8).toString('hex');
  const sent = await post('/user/user!sendRegisterCode', { 'userVO.userMobile': mobile });
  if (!sent.envelope.success) throw new Error('sendRegisterCode: ' + JSON.stringify(sent.envelope));
  const registered = await post('/user/user!register', {
    'userVO.userMobile': mobile,
    'userVO.password': password,
    telSecurityCode: lastCode(mobile),
  });
  if (!registered.envelope.success) throw new Error('register: ' + JSON.stringify(registered.envelope));
  return { mobile, password, userId: registered.envelope.data.userVO.userId };
}

export function setSiteRole(mobile, role) {
  const port = new URL(env.baseUrl).port;
  execFileSync(`${env.repo}/scripts/admin`, ['site-role', mobile, role], {
    env: { ...process.env, MMX_VAR: env.varDir, MMX_PORT: port },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export async function newStaff(role) {
  const user = await newUser();
  setSiteRole(user.mobile, role);
  return user;
}

// A session of USER through the API, for the checks the test makes beside the browser.
export async function apiSession(user) {
  const id = client();
  const { envelope, headers } = await post(
    '/user/user!login',
    { 'userVO.userName': user.mobile, 'userVO.password': user.password },
    { client: id },
  );
  if (!envelope.success) throw new Error('login: ' + JSON.stringify(envelope));
  const identity = { client: id, uid: headers.get('uid'), accessToken: headers.get('accessToken') };
  return (route, params = {}) => post(route, params, identity).then((r) => r.envelope);
}

// A small PNG of one colour, made here so the test needs no picture files.
export function png(r, g, b) {
  const width = 16;
  const height = 16;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    for (let x = 0; x < width; x++) {
      const at = y * (width * 3 + 1) + 1 + x * 3;
      raw[at] = r;
      raw[at + 1] = g;
      raw[at + 2] = b;
    }
  }
  return encodePng(width, height, raw);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(width, height, raw) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
