// The console's shell: sign-in, the staff check, the menu of the pages this role may
// open, and the page named by the URL's hash (#/shops).
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, loadSession, login, signOut, updateSession, whenSessionEnds } from './api.js';
import { findMember } from './answers.js';
import { PAGES, RESOURCES, ROLE_NAMES, mayOpen } from './resources.js';
import { ResourcePage } from './ResourcePage.jsx';
import { AuditPage, FeedbackPage, OverviewPage, UsersPage, VersionsPage } from './pages.jsx';
import { Notice } from './ui.jsx';
import './style.css';

const NO_PERMISSION = '无权限';

// The signed-in user's site role, from the manager API's view of that user. Anyone who
// is not staff is refused (FORBIDDEN) and never gets further than the sign-in form.
async function staffRole(uid) {
  const { data } = await call('/manager/user!info', { userId: uid });
  const role = findMember(data, 'siteRole');
  if (!ROLE_NAMES[role]) throw new ApiError('FORBIDDEN', NO_PERMISSION);
  return role;
}

function currentPage() {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash || 'overview';
}

function LoginForm({ notice, onSignedIn }) {
  const [mobile, setMobile] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState({});
  const [error, setError] = useState(notice || '');
  const [busy, setBusy] = useState(false);

  async function submit(event) {
    event.preventDefault();
    const found = {};
    if (!/^1[3-9]\d{9}$/.test(mobile.trim())) found.mobile = '请输入11位手机号';
    if (!password) found.password = '请输入密码';
    setErrors(found);
    setError('');
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const session = await login(mobile.trim(), password);
      let role;
      try {
        role = await staffRole(session.uid);
      } catch (e) {
        await signOut();
        throw e.code === 'FORBIDDEN' ? new ApiError('FORBIDDEN', NO_PERMISSION) : e;
      }
      updateSession({ role });
      onSignedIn({ ...session, role });
    } catch (e) {
      setError(e.info || String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="login">
      <form class="login-box" onSubmit={submit} noValidate>
        <h1>MMX 管理后台</h1>
        <div class={`field${errors.mobile ? ' has-error' : ''}`}>
          <label for="login-mobile">手机号</label>
          <input
            id="login-mobile"
            name="mobile"
            inputMode="numeric"
            autoComplete="username"
            value={mobile}
            onInput={(e) => setMobile(e.currentTarget.value)}
          />
          {errors.mobile && <span class="field-error">{errors.mobile}</span>}
        </div>
        <div class={`field${errors.password ? ' has-error' : ''}`}>
          <label for="login-password">密码</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {errors.password && <span class="field-error">{errors.password}</span>}
        </div>
        <Notice error={error} />
        <button type="submit" class="primary" disabled={busy}>
          登录
        </button>
      </form>
    </main>
  );
}

function PageBody({ page, role, me }) {
  if (!mayOpen(page, role)) {
    return (
      <section class="page" data-page="无权限">
        <p class="error" role="alert">
          {NO_PERMISSION}
        </p>
      </section>
    );
  }
  if (RESOURCES[page]) return <ResourcePage key={page} def={RESOURCES[page]} role={role} />;
  switch (page) {
    case 'overview':
      return <OverviewPage />;
    case 'users':
      return <UsersPage role={role} me={me} />;
    case 'audit':
      return <AuditPage />;
    case 'versions':
      return <VersionsPage />;
    case 'feedback':
      return <FeedbackPage />;
    default:
      return null;
  }
}

function App() {
  const [session, setSession] = useState(() => {
    const s = loadSession();
    return s && s.role ? s : null;
  });
  const [notice, setNotice] = useState('');
  const [page, setPage] = useState(currentPage);

  useEffect(() => {
    const follow = () => setPage(currentPage());
    window.addEventListener('hashchange', follow);
    whenSessionEnds((info) => {
      setNotice(info);
      setSession(null);
    });
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  if (!session) {
    return (
      <LoginForm
        notice={notice}
        onSignedIn={(s) => {
          setNotice('');
          setSession(s);
        }}
      />
    );
  }

  return (
    <div class="shell">
      <nav class="menu" aria-label="菜单">
        <div class="brand">MMX 管理后台</div>
        {PAGES.filter((p) => mayOpen(p.key, session.role)).map((p) => (
          <a key={p.key} href={`#/${p.key}`} class={p.key === page ? 'active' : ''}>
            {p.title}
          </a>
        ))}
      </nav>
      <div class="main">
        <header class="topbar">
          <span class="who">
            {session.nickName}（{ROLE_NAMES[session.role]}）
          </span>
          <button
            type="button"
            onClick={async () => {
              await signOut();
              setSession(null);
            }}
          >
            退出登录
          </button>
        </header>
        <PageBody page={page} role={session.role} me={session.uid} />
      </div>
    </div>
  );
}

render(<App />, document.getElementById('app'));
