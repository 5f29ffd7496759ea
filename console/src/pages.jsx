// The pages that are not a plain resource table: the overview with its charts, users
// (search, disable/enable, site role), the audit log, app versions and feedback.
import { useEffect, useState } from 'preact/hooks';
import { call, uploadRaw } from './api.js';
import { cellText, formatTime, idOf, listOf, objectOf, totalOf } from './answers.js';
import { BarChart, LineChart, RingChart } from './charts.jsx';
import { ROLE_NAMES } from './resources.js';
import { Confirm, Field, Notice, Pager } from './ui.jsx';

const PAGE_SIZE = 20;

const STAT_LABELS = {
  users: '用户总数',
  userCount: '用户总数',
  newUsersToday: '今日新增',
  newUsers: '今日新增',
  activeUsersToday: '今日活跃',
  activeToday: '今日活跃',
  activeUsers: '今日活跃',
  messagesToday: '今日消息',
  shops: '商店',
  goods: '商品',
  activities: '活动',
  groups: '群组',
  cities: '城市',
  openFeedback: '待回复反馈',
};

function numbersOf(data) {
  const numbers = [];
  for (const [key, value] of Object.entries(data || {})) {
    if (typeof value === 'number') numbers.push({ key, label: STAT_LABELS[key] || key, value });
    else if (value && typeof value === 'object' && !Array.isArray(value)) numbers.push(...numbersOf(value));
  }
  return numbers;
}

function seriesOf(data) {
  for (const value of Object.values(data || {})) {
    if (Array.isArray(value) && value.length && typeof value[0] === 'object') {
      const points = value
        .map((p) => ({ label: String(p.date ?? p.day ?? p.label ?? ''), value: Number(p.value ?? p.count ?? p.users ?? 0) }))
        .filter((p) => p.label);
      if (points.length) return points;
    }
  }
  return null;
}

function useList(route, params, keys, reload) {
  const [state, setState] = useState({ rows: [], total: 0, error: '', loaded: false });
  const key = JSON.stringify(params);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loaded: false }));
    call(route, params)
      .then(({ data }) => {
        const rows = listOf(data, keys);
        if (live) setState({ rows, total: totalOf(data, rows), error: '', loaded: true });
      })
      .catch((e) => live && setState({ rows: [], total: 0, error: e.info, loaded: true }));
    return () => {
      live = false;
    };
  }, [route, key, reload]);
  return state;
}

export function OverviewPage() {
  const [data, setData] = useState(null);
  const [error, setError] = useState('');
  useEffect(() => {
    call('/manager/stats!overview')
      .then(({ data: d }) => setData(d))
      .catch((e) => setError(e.info));
  }, []);
  const numbers = numbersOf(data);
  const find = (...keys) => numbers.find((n) => keys.includes(n.key));
  const total = find('users', 'userCount');
  const fresh = find('newUsersToday', 'newUsers');
  const active = find('activeUsersToday', 'activeToday', 'activeUsers');
  const userKeys = new Set([total, fresh, active].filter(Boolean).map((n) => n.key));
  const content = numbers.filter((n) => !userKeys.has(n.key));
  const series = seriesOf(data);
  return (
    <section class="page" data-page="概览">
      <header class="page-head">
        <h2>概览</h2>
      </header>
      <Notice error={error} />
      {data && (
        <>
          <div class="cards">
            {numbers.map((n) => (
              <div class="card" key={n.key} data-stat={n.key}>
                <span class="card-value">{n.value}</span>
                <span class="card-label">{n.label}</span>
              </div>
            ))}
          </div>
          <div class="charts">
            <BarChart title="用户" items={[total, fresh, active].filter(Boolean)} />
            <BarChart title="平台内容" items={content} />
            {total && active && <RingChart title="今日活跃占比" part={active.value} whole={total.value} partLabel="活跃" restLabel="总数" />}
            {series && <LineChart title="近日趋势" points={series} />}
          </div>
        </>
      )}
    </section>
  );
}

// Staff are disabled, and their role changed, only by who may grant that role: a deputy
// manages plain users and admins, an owner everyone.
function mayManage(role, targetRole) {
  return role === 'owner' || (role === 'deputy' && !['owner', 'deputy'].includes(targetRole));
}

export function UsersPage({ role, me }) {
  const [search, setSearch] = useState('');
  const [keyword, setKeyword] = useState('');
  const [offset, setOffset] = useState(0);
  const [reload, setReload] = useState(0);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState('');
  const [detail, setDetail] = useState(null);
  const [confirm, setConfirm] = useState(null);
  const list = useList('/manager/user!search', { q: keyword, offset, count: PAGE_SIZE }, ['userList'], reload);

  async function act(route, params, done) {
    setConfirm(null);
    setActionError('');
    try {
      const { info } = await call(route, params);
      setMessage(info || done);
      setReload((n) => n + 1);
    } catch (e) {
      setActionError(e.info);
    }
  }

  async function open(row) {
    try {
      const { data } = await call('/manager/user!info', { userId: idOf(row) });
      setDetail(objectOf(data, ['user']));
    } catch (e) {
      setActionError(e.info);
    }
  }

  const grantable = role === 'owner' ? ['admin', 'deputy', 'owner'] : ['admin'];
  return (
    <section class="page" data-page="用户">
      <header class="page-head">
        <h2>用户</h2>
      </header>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setKeyword(search.trim());
        }}
      >
        <input
          name="search"
          placeholder="手机号、用户名、昵称或ID"
          value={search}
          onInput={(e) => setSearch(e.currentTarget.value)}
        />
        <button type="submit">搜索</button>
      </form>
      <Notice error={list.error || actionError} message={message} />
      <table class="grid" data-loaded={list.loaded ? 'yes' : 'no'}>
        <thead>
          <tr>
            <th>ID</th>
            <th>手机号</th>
            <th>用户名</th>
            <th>昵称</th>
            <th>角色</th>
            <th>状态</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => {
            const id = idOf(row);
            const disabled = row.disabled === true || row.disabled === 1 || row.status === 'disabled';
            return (
              <tr key={id}>
                <td>{id}</td>
                <td>{row.mobile || row.phoneNumber}</td>
                <td>{row.userName}</td>
                <td>{row.nickName}</td>
                <td>{ROLE_NAMES[row.siteRole] || '—'}</td>
                <td>{disabled ? '已禁用' : '正常'}</td>
                <td class="row-actions">
                  <button type="button" class="link" onClick={() => open(row)}>
                    详情
                  </button>
                  {String(id) !== String(me) &&
                    mayManage(role, row.siteRole) &&
                    (disabled ? (
                      <button type="button" class="link" onClick={() => act('/manager/user!enable', { userId: id }, '已启用')}>
                        启用
                      </button>
                    ) : (
                      <button
                        type="button"
                        class="link danger"
                        onClick={() =>
                          setConfirm({
                            text: `确定禁用用户 ${row.nickName || id} 吗？其登录会被拒绝，现有会话立即失效。`,
                            yes: '确认禁用',
                            run: () => act('/manager/user!disable', { userId: id }, '已禁用'),
                          })
                        }
                      >
                        禁用
                      </button>
                    ))}
                  {String(id) !== String(me) && mayManage(role, row.siteRole) && (
                    <select
                      aria-label="设置角色"
                      value={row.siteRole || 'none'}
                      onChange={(e) => act('/manager/user!setSiteRole', { userId: id, siteRole: e.currentTarget.value }, '角色已更新')}
                    >
                      <option value="none">普通用户</option>
                      {grantable.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_NAMES[r]}
                        </option>
                      ))}
                    </select>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Pager offset={offset} count={PAGE_SIZE} total={list.total} onPage={setOffset} />
      {detail && (
        <div class="modal" role="dialog" aria-modal="true" aria-label="用户详情">
          <div class="modal-box">
            <h3>用户详情</h3>
            <dl class="detail">
              {Object.entries(detail).map(([k, v]) => (
                <div key={k}>
                  <dt>{k}</dt>
                  <dd>{cellText(v)}</dd>
                </div>
              ))}
            </dl>
            <div class="actions">
              <button type="button" onClick={() => setDetail(null)}>
                关闭
              </button>
            </div>
          </div>
        </div>
      )}
      {confirm && <Confirm text={confirm.text} yesLabel={confirm.yes} onYes={confirm.run} onNo={() => setConfirm(null)} />}
    </section>
  );
}

const AUDIT_FILTERS = [
  { name: 'staffId', label: '操作人ID' },
  { name: 'action', label: '动作' },
  { name: 'objectType', label: '对象类型' },
  { name: 'objectId', label: '对象ID' },
];

export function AuditPage() {
  const [draft, setDraft] = useState({});
  const [filters, setFilters] = useState({});
  const [offset, setOffset] = useState(0);
  const list = useList('/manager/audit!list', { ...filters, offset, count: PAGE_SIZE }, ['auditList', 'list'], 0);
  return (
    <section class="page" data-page="审计日志">
      <header class="page-head">
        <h2>审计日志</h2>
      </header>
      <form
        class="toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setFilters(Object.fromEntries(Object.entries(draft).filter(([, v]) => String(v).trim() !== '')));
        }}
      >
        {AUDIT_FILTERS.map((f) => (
          <input
            key={f.name}
            name={f.name}
            placeholder={f.label}
            value={draft[f.name] || ''}
            onInput={(e) => setDraft({ ...draft, [f.name]: e.currentTarget.value })}
          />
        ))}
        <button type="submit">筛选</button>
      </form>
      <Notice error={list.error} />
      <table class="grid audit" data-loaded={list.loaded ? 'yes' : 'no'}>
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>动作</th>
            <th>对象</th>
            <th>变更</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={idOf(row)} data-action={row.action}>
              <td>{formatTime(row.time ?? row.createdAt)}</td>
              <td>{cellText(row.staffName || row.staffId)}</td>
              <td>{row.action}</td>
              <td>
                {row.objectType} {cellText(row.objectId)}
              </td>
              <td class="diff">
                <code>{cellText(row.after ?? row.before)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} count={PAGE_SIZE} total={list.total} onPage={setOffset} />
    </section>
  );
}

const PLATFORMS = [
  { value: '1', label: 'Android' },
  { value: '2', label: 'iOS' },
];
const VERSION_FIELDS = [
  { name: 'sys', label: '平台', type: 'select', required: true, options: PLATFORMS },
  { name: 'version', label: '版本号', required: true, maxLength: 32 },
  { name: 'remark', label: '更新说明', type: 'textarea', required: true, maxLength: 2000 },
];
const platformName = (sys) => (PLATFORMS.find((p) => p.value === String(sys)) || {}).label || sys;

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} B`;
}

export function VersionsPage() {
  const [values, setValues] = useState({ sys: '1' });
  const [file, setFile] = useState(null);
  const [errors, setErrors] = useState({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [reload, setReload] = useState(0);
  const [sys, setSys] = useState('1');
  const [offset, setOffset] = useState(0);
  const list = useList('/manager/version!list', { sys, offset, count: PAGE_SIZE }, ['versionList'], reload);
  async function publish(e) {
    e.preventDefault();
    setErrors({});
    setMessage('');
    if (!file) {
      setErrors({ package: '请选择安装包' });
      return;
    }
    setBusy(true);
    try {
      const { info } = await uploadRaw('/manager/version!publish', file, values);
      setMessage(info || '已发布');
      setSys(values.sys);
      setOffset(0);
      setReload((n) => n + 1);
    } catch (err) {
      const field = err.data && err.data.field;
      setErrors(field ? { [field]: err.info } : { form: err.info });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="page" data-page="版本">
      <header class="page-head">
        <h2>版本</h2>
      </header>
      <Notice error={list.error} message={message} />
      <form class="inline-form" onSubmit={publish} noValidate>
        {VERSION_FIELDS.map((f) => (
          <Field key={f.name} field={f} value={values[f.name]} error={errors[f.name]} onChange={(v) => setValues({ ...values, [f.name]: v })} />
        ))}
        <div class={`field${errors.package ? ' has-error' : ''}`} data-field="package">
          <label for="f-package">
            安装包<span class="required">*</span>
          </label>
          <input id="f-package" name="package" type="file" accept=".apk,.ipa" onChange={(e) => setFile(e.currentTarget.files[0] || null)} />
          {errors.package && (
            <span class="field-error" role="alert">
              {errors.package}
            </span>
          )}
        </div>
        <Notice error={errors.form} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? '上传中…' : '发布'}
        </button>
      </form>
      <div class="filters">
        <Field
          field={{ name: 'listSys', label: '查看平台', type: 'select', options: PLATFORMS }}
          value={sys}
          onChange={(v) => {
            setSys(v || '1');
            setOffset(0);
          }}
        />
      </div>
      <table class="grid" data-loaded={list.loaded ? 'yes' : 'no'}>
        <thead>
          <tr>
            <th>平台</th>
            <th>版本号</th>
            <th>更新说明</th>
            <th>大小</th>
            <th>SHA-256</th>
            <th>下载地址</th>
            <th>发布时间</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.id} data-version={row.version}>
              <td>{platformName(row.sys)}</td>
              <td>{row.version}</td>
              <td>{row.remark}</td>
              <td>{formatSize(row.size)}</td>
              <td class="mono">{row.sha256}</td>
              <td>
                <a href={row.packet}>{row.packet}</a>
              </td>
              <td>{formatTime(row.time)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} count={PAGE_SIZE} total={list.total} onPage={setOffset} />
    </section>
  );
}

export function FeedbackPage() {
  const [offset, setOffset] = useState(0);
  const [thread, setThread] = useState(null);
  const [reply, setReply] = useState('');
  const [error, setError] = useState('');
  const [reload, setReload] = useState(0);
  const list = useList('/manager/feedback!threads', { offset, count: PAGE_SIZE }, ['threadList'], reload);
  async function open(row) {
    try {
      const { data } = await call('/manager/feedback!thread', { userId: row.userId, count: 100 });
      // Oldest first, as a chat reads.
      setThread({ row, messages: listOf(data, ['feedList']).slice().reverse() });
    } catch (e) {
      setError(e.info);
    }
  }
  async function send(e) {
    e.preventDefault();
    try {
      await call('/manager/feedback!reply', { userId: thread.row.userId, content: reply });
      setReply('');
      setError('');
      await open(thread.row);
      setReload((n) => n + 1);
    } catch (err) {
      setError(err.info);
    }
  }
  return (
    <section class="page" data-page="反馈">
      <header class="page-head">
        <h2>反馈</h2>
      </header>
      <Notice error={list.error || error} />
      <table class="grid" data-loaded={list.loaded ? 'yes' : 'no'}>
        <thead>
          <tr>
            <th>用户</th>
            <th>状态</th>
            <th>最新内容</th>
            <th>时间</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((row) => (
            <tr key={row.userId} data-user={row.userId}>
              <td>{row.nickName || row.mobile || row.userId}</td>
              <td>{row.open ? '待回复' : '已回复'}</td>
              <td>{row.lastContent}</td>
              <td>{formatTime(row.lastTime)}</td>
              <td>
                <button type="button" class="link" onClick={() => open(row)}>
                  查看
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager offset={offset} count={PAGE_SIZE} total={list.total} onPage={setOffset} />
      {thread && (
        <div class="modal" role="dialog" aria-modal="true" aria-label="反馈详情">
          <form class="modal-box" onSubmit={send}>
            <h3>反馈详情</h3>
            <ul class="thread">
              {thread.messages.map((m, i) => (
                <li key={m.id ?? i} class={m.direction === 2 ? 'staff' : 'user'}>
                  {m.content}
                </li>
              ))}
            </ul>
            <textarea name="reply" rows={3} value={reply} onInput={(e) => setReply(e.currentTarget.value)} />
            <div class="actions">
              <button type="submit" class="primary">
                回复
              </button>
              <button type="button" onClick={() => setThread(null)}>
                关闭
              </button>
            </div>
          </form>
        </div>
      )}
    </section>
  );
}
