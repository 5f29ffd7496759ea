// The page of one resource (cities, categories, shops, goods, activities, groups):
// a searchable, paged table, a form for adding and editing with each field's error
// beside it, and a confirmation before a delete.
import { useEffect, useState } from 'preact/hooks';
import { call } from './api.js';
import { cellText, fieldOfError, idOf, listOf, objectOf, picturesOf, totalOf } from './answers.js';
import { Confirm, Field, Notice, Pager, PictureField } from './ui.jsx';

const PAGE_SIZE = 20;

// A category list comes flat (each top-level category followed by its children, which
// name their parentId) or as a tree (a `child` list under each): the table shows it
// flat, each child with its parent's name.
function flatten(rows) {
  const flat = [];
  for (const row of rows) {
    flat.push(row);
    const nested = Array.isArray(row.child) ? row.child : Array.isArray(row.children) ? row.children : [];
    for (const child of nested) flat.push({ ...child, parentId: child.parentId ?? idOf(row) });
  }
  const names = new Map(flat.map((row) => [String(idOf(row)), row.name]));
  return flat.map((row) => (row.parentId ? { ...row, parentName: names.get(String(row.parentId)) ?? row.parentId } : row));
}

// The choices of a select (cities, categories): every page of their list, up to
// OPTION_PAGES pages.
const OPTION_PAGE = 100;
const OPTION_PAGES = 20;

async function loadAll(route, keys) {
  const rows = [];
  for (let page = 0; page < OPTION_PAGES; page++) {
    const { data } = await call(route, { offset: page * OPTION_PAGE, count: OPTION_PAGE });
    const batch = listOf(data, keys);
    rows.push(...batch);
    if (batch.length < OPTION_PAGE || rows.length >= totalOf(data, rows)) break;
  }
  return rows;
}

function useOptions(fields) {
  const [options, setOptions] = useState({});
  useEffect(() => {
    let live = true;
    for (const field of fields) {
      const from = field.optionsFrom;
      if (!from) continue;
      loadAll(from.route, from.keys)
        .then((rows) => {
          const shown = from.topLevel ? rows.filter((r) => !r.parentId) : flatten(rows);
          const list = shown.map((r) => ({
            value: String(idOf(r)),
            label: r.parentName ? `${r.parentName} / ${r.name}` : r.name,
          }));
          if (live) setOptions((o) => ({ ...o, [field.name]: list }));
        })
        .catch(() => {});
    }
    return () => {
      live = false;
    };
  }, [fields]);
  return options;
}

function initialValues(def, row, scope) {
  const values = {};
  for (const field of def.fields) {
    let value = row ? row[field.name] : undefined;
    if (field.name === 'long' && row && value === undefined) value = row.lng ?? row.longitude;
    if (field.name === 'lat' && row && value === undefined) value = row.latitude;
    if (field.name === 'basic' && value && typeof value === 'object') {
      value = Array.isArray(value)
        ? value.map((kv) => `${kv.key ?? kv.name}:${kv.value}`).join('\n')
        : Object.entries(value)
            .map(([k, v]) => `${k}:${v}`)
            .join('\n');
    }
    if (field.type === 'pictures') value = picturesOf(value);
    if (field.type === 'picture') value = picturesOf(value)[0] || '';
    if (field.fromScope && (value === undefined || value === '')) value = scope;
    values[field.name] = value === undefined || value === null ? '' : value;
  }
  return values;
}

function paramsOf(fields, values) {
  const params = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.type === 'pictures') {
      params[field.name] = picturesOf(value);
    } else if (field.name === 'basic') {
      const pairs = String(value || '')
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const at = line.search(/[:：]/);
          return at < 0 ? { key: line, value: '' } : { key: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
        });
      params.basic = JSON.stringify(pairs);
    } else if (value !== '' && value !== undefined) {
      params[field.name] = value;
    }
  }
  return params;
}

function Cell({ column, row, idParam }) {
  const value = column.name === 'id' ? idOf(row, idParam) : row[column.name];
  if (column.type === 'picture') {
    const first = picturesOf(value)[0];
    return first ? <img class="cell-picture" src={first} alt="" /> : null;
  }
  if (column.type === 'option') {
    return column.options.find((o) => o.value === String(value))?.label ?? cellText(value);
  }
  return cellText(value);
}

export function ResourcePage({ def, role }) {
  const [rows, setRows] = useState([]);
  const [total, setTotal] = useState(0);
  const [offset, setOffset] = useState(0);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState('');
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState(null);
  const [confirm, setConfirm] = useState(null);
  const [reload, setReload] = useState(0);
  // The query the rows on screen answer: the table says it is loaded only when they
  // answer the current one, never in the frame between a page change and its fetch.
  const [loadedFor, setLoadedFor] = useState(null);
  const currentQuery = JSON.stringify([offset, query, scope, reload]);
  const loaded = loadedFor === currentQuery;

  useEffect(() => {
    let live = true;
    const params = { offset, count: PAGE_SIZE };
    if (def.search && query) params[def.search.name] = query;
    if (def.scope && scope) params[def.scope.name] = scope;
    const answering = JSON.stringify([offset, query, scope, reload]);
    if (def.scope && !scope) {
      setRows([]);
      setTotal(0);
      setError('');
      setLoadedFor(answering);
      return undefined;
    }
    call(`${def.route}!list`, params)
      .then(({ data }) => {
        if (!live) return;
        const list = listOf(data, def.listKeys);
        const shown = def.tree ? flatten(list) : list;
        setRows(shown);
        setTotal(totalOf(data, shown));
        setError('');
      })
      .catch((e) => live && setError(e.info))
      .finally(() => live && setLoadedFor(answering));
    return () => {
      live = false;
    };
  }, [def, offset, query, scope, reload]);

  async function openEditor(row) {
    setMessage('');
    if (!row) {
      setEditing({ row: null });
      return;
    }
    let full = row;
    if (def.info) {
      try {
        const { data } = await call(`${def.route}!info`, { [def.idParam]: idOf(row, def.idParam) });
        full = { ...row, ...objectOf(data, def.info) };
      } catch {
        // The row from the list is enough to edit.
      }
    }
    setEditing({ row: full });
  }

  async function remove(row, cascade) {
    setConfirm(null);
    setMessage('');
    const params = { [def.idParam]: idOf(row, def.idParam) };
    if (cascade) params.cascade = 1;
    try {
      const { info } = await call(`${def.route}!delete`, params);
      setMessage(info || '已删除');
      setError('');
      setReload((n) => n + 1);
    } catch (e) {
      if (e.code === 'CONFLICT' && def.cascade && !cascade) {
        setConfirm({ row, cascade: true, text: `${e.info}。要连同这些内容一起删除吗？` });
      } else {
        setError(e.info);
      }
    }
  }

  const canWrite = !def.readOnly;
  const canDelete = def.deleteRoles ? def.deleteRoles.includes(role) : canWrite;

  return (
    <section class="page" data-page={def.title}>
      <header class="page-head">
        <h2>{def.title}</h2>
        {canWrite && (
          <button type="button" class="primary" onClick={() => openEditor(null)}>
            新增{def.title}
          </button>
        )}
      </header>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setQuery(search.trim());
          if (def.scope) setScope(e.currentTarget.elements.scope.value.trim());
        }}
      >
        {def.scope && (
          <label>
            {def.scope.label}
            <input
              name="scope"
              inputMode="numeric"
              value={scope}
              onChange={(e) => {
                setOffset(0);
                setScope(e.currentTarget.value.trim());
              }}
            />
          </label>
        )}
        {def.search && (
          <>
            <input
              name="search"
              placeholder={`按${def.search.label}搜索`}
              value={search}
              onInput={(e) => setSearch(e.currentTarget.value)}
            />
            <button type="submit">搜索</button>
          </>
        )}
      </form>
      <Notice error={error} message={message} />
      {def.scope && !scope && <p class="hint">请先输入{def.scope.label}</p>}
      <table class="grid" data-loaded={loaded ? 'yes' : 'no'}>
        <thead>
          <tr>
            {def.columns.map((c) => (
              <th key={c.name}>{c.label}</th>
            ))}
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={idOf(row, def.idParam)}>
              {def.columns.map((c) => (
                <td key={c.name}>
                  <Cell column={c} row={row} idParam={def.idParam} />
                </td>
              ))}
              <td class="row-actions">
                {canWrite && (
                  <button type="button" class="link" onClick={() => openEditor(row)}>
                    编辑
                  </button>
                )}
                {canDelete && (
                  <button
                    type="button"
                    class="link danger"
                    onClick={() =>
                      setConfirm({ row, text: `确定删除${def.title}「${row.name || row.title || row.groupName || idOf(row)}」吗？` })
                    }
                  >
                    删除
                  </button>
                )}
              </td>
            </tr>
          ))}
          {loaded && rows.length === 0 && (
            <tr>
              <td colSpan={def.columns.length + 1} class="empty">
                暂无数据
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <Pager offset={offset} count={PAGE_SIZE} total={total} onPage={setOffset} />
      {editing && (
        <Editor
          def={def}
          row={editing.row}
          scope={scope}
          onDone={(info) => {
            setEditing(null);
            setMessage(info);
            setReload((n) => n + 1);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {confirm && (
        <Confirm
          text={confirm.text}
          yesLabel={confirm.cascade ? '连同删除' : '确认删除'}
          onYes={() => remove(confirm.row, confirm.cascade)}
          onNo={() => setConfirm(null)}
        />
      )}
    </section>
  );
}

function Editor({ def, row, scope, onDone, onCancel }) {
  const fields = def.fields.filter((f) => !(row && f.createOnly));
  const [values, setValues] = useState(() => initialValues(def, row, scope));
  const [errors, setErrors] = useState({});
  const [formError, setFormError] = useState('');
  const [busy, setBusy] = useState(false);
  const options = useOptions(def.fields);

  function set(name, value) {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  }

  function checkLocally() {
    const found = {};
    for (const field of fields) {
      const value = values[field.name];
      const empty = Array.isArray(value) ? value.length === 0 : String(value ?? '').trim() === '';
      if (field.required && empty) found[field.name] = `请填写${field.label}`;
      else if (field.type === 'number' && !empty && !Number.isFinite(Number(value))) {
        found[field.name] = `${field.label}必须是数字`;
      }
    }
    return found;
  }

  async function submit(event) {
    event.preventDefault();
    setFormError('');
    const local = checkLocally();
    setErrors(local);
    if (Object.keys(local).length) return;
    const params = paramsOf(fields, values);
    if (row) params[def.idParam] = idOf(row, def.idParam);
    setBusy(true);
    try {
      const { info } = await call(`${def.route}!${row ? 'update' : 'add'}`, params);
      onDone(info || '已保存');
    } catch (e) {
      // BAD_PARAM names its field; so does a CONFLICT over a taken name.
      const field = e.code === 'BAD_PARAM' || e.data?.field ? fieldOfError(e, fields) : null;
      if (field) setErrors({ [field]: e.info });
      else setFormError(e.info);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="modal" role="dialog" aria-modal="true" aria-label={`${row ? '编辑' : '新增'}${def.title}`}>
      <form class="modal-box editor" onSubmit={submit} noValidate>
        <h3>
          {row ? '编辑' : '新增'}
          {def.title}
        </h3>
        {fields.map((field) =>
          field.type === 'picture' || field.type === 'pictures' ? (
            <PictureField
              key={field.name}
              name={field.name}
              label={field.label}
              multiple={field.type === 'pictures'}
              value={values[field.name]}
              error={errors[field.name]}
              onChange={(value) => set(field.name, value)}
            />
          ) : (
            <Field
              key={field.name}
              field={field}
              value={values[field.name]}
              options={options[field.name]}
              error={errors[field.name]}
              onChange={(value) => set(field.name, value)}
            />
          ),
        )}
        <Notice error={formError} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>
            保存
          </button>
          <button type="button" onClick={onCancel}>
            取消
          </button>
        </div>
      </form>
    </div>
  );
}
