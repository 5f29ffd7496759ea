// Reading the manager API's answers: the list under its name, the total, the id of a
// row, and which form field a BAD_PARAM answer is about.

export function listOf(data, keys) {
  for (const key of keys || []) {
    if (Array.isArray(data?.[key])) return data[key];
  }
  for (const value of Object.values(data || {})) {
    if (Array.isArray(value)) return value;
  }
  return [];
}

export function totalOf(data, rows) {
  for (const key of ['total', 'totalCount', 'count']) {
    if (typeof data?.[key] === 'number') return data[key];
  }
  return rows.length;
}

export function idOf(row, idParam) {
  if (!row) return undefined;
  for (const key of ['id', idParam, 'sid', 'gid', 'groupId', 'userId']) {
    if (row[key] !== undefined && row[key] !== null) return row[key];
  }
  return undefined;
}

// The object inside an answer (data.shop, data.info, ...) or data itself.
export function objectOf(data, keys) {
  for (const key of keys || []) {
    if (data?.[key] && typeof data[key] === 'object' && !Array.isArray(data[key])) return data[key];
  }
  return data || {};
}

// Finds a member anywhere in an answer (the site role of the signed-in user, say).
export function findMember(value, name, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 4) return undefined;
  if (Object.prototype.hasOwnProperty.call(value, name)) return value[name];
  for (const child of Object.values(value)) {
    const found = findMember(child, name, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

export function picturesOf(value) {
  if (Array.isArray(value)) return value.map((p) => (typeof p === 'string' ? p : p?.url)).filter(Boolean);
  if (typeof value === 'string' && value) return [value];
  return [];
}

// A BAD_PARAM answer names its parameter: in data.field when the answer has one,
// otherwise in its text. The longest name that appears wins, so "promotionPrice" is
// not taken for "price".
export function fieldOfError(error, fields) {
  const named = error?.data?.field || error?.data?.param;
  if (named && fields.some((f) => f.name === named)) return named;
  const text = error?.info || '';
  const candidates = [];
  for (const field of fields) {
    for (const word of [field.name, field.label.replace(/（.*$/, '')]) {
      if (word && text.includes(word)) candidates.push({ name: field.name, length: word.length });
    }
  }
  candidates.sort((a, b) => b.length - a.length);
  return candidates.length ? candidates[0].name : null;
}

export function formatTime(value) {
  if (value === undefined || value === null || value === '') return '';
  const number = Number(value);
  if (Number.isFinite(number) && number > 1e11) {
    return new Date(number).toLocaleString('zh-CN', { hour12: false });
  }
  return String(value);
}

export function cellText(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
