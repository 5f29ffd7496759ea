// The staff console end to end, in Debian's headless Chromium driven by playwright-core,
// against the API test stack (ctest fixture api_stack, whose nginx serves the built
// console at /console/). A deputy signs in and creates a city, a category, a shop with
// two pictures, goods and an activity; the app's shop list near that shop returns it;
// the audit log lists each step. An admin cannot open the users page; a plain user
// cannot sign in. A deputy publishes a package (the app then answers and serves it) and
// replies to a user's feedback (the app then shows it). Each page's screenshot is kept
// in MMX_CONSOLE_SHOTS.
//
// Every wait is on page state (Playwright's auto-waiting locators and expectations),
// never a fixed sleep; the whole run is bounded by TEST_DEADLINE_MS.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { apiSession, env, newStaff, newUser, png } from './stack.mjs';

const SHOTS = process.env.MMX_CONSOLE_SHOTS || `${env.varDir}/../console-e2e`;
const CHROMIUM = process.env.MMX_CHROMIUM || '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 10000;

mkdirSync(SHOTS, { recursive: true });

let browser;
const cspViolations = [];
const pageErrors = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
});

async function openConsole() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  page.on('console', (message) => {
    // Pictures other suites filed under made-up foreign URLs are refused by the policy
    // as they should be; anything else the policy refuses is the console's fault.
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy/i.test(text) && !/^Loading the image 'http:\/\/x\//.test(text)) {
      cspViolations.push(text);
    }
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  const response = await page.goto(`${env.baseUrl}/console/`);
  assert.equal(response.status(), 200);
  return { context, page, response };
}

async function signIn(page, user) {
  await page.getByLabel('手机号').fill(user.mobile);
  await page.getByLabel('密码').fill(user.password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function shot(page, name) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function openPage(page, key, title) {
  await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click();
  await page.waitForURL(new RegExp(`#/${key}$`));
  await page.locator(`section[data-page="${title}"] table[data-loaded="yes"]`).waitFor();
}

const dialog = (page) => page.getByRole('dialog');

async function save(page) {
  await dialog(page).getByRole('button', { name: '保存' }).click();
}

const stamp = Date.now().toString(36).slice(-5);
// A point of our own far from the demo shops and other suites' shops.
const here = { long: (75 + Math.random() * 5).toFixed(6), lat: (38 + Math.random() * 3).toFixed(6) };
const names = {
  city: `测试城${stamp}`,
  category: `测试类${stamp}`,
  shop: `测试店${stamp}`,
  goods: `测试品${stamp}`,
  activity: `测试活动${stamp}`,
};

test('the console is served with a strict content security policy', async () => {
  const { context, response } = await openConsole();
  const policy = response.headers()['content-security-policy'] || '';
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /script-src 'self'(;|$)/);
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
  assert.match(policy, /img-src 'self' data: blob:/);
  assert.match(policy, /frame-ancestors 'none'/);
  await context.close();
});

test('a deputy creates a city, a category, a shop with two pictures, goods and an activity; the app lists the shop near it; the audit log lists each step', async () => {
  const deputy = await newStaff('deputy');
  const { context, page } = await openConsole();
  try {
    await deputyWalksThrough(page, context, deputy);
  } catch (error) {
    await shot(page, 'failure-deputy');
    throw error;
  }
  await context.close();
});

async function deputyWalksThrough(page, context, deputy) {
  await shot(page, '01-login');
  await signIn(page, deputy);
  await page.locator('section[data-page="概览"] figure[data-chart="用户"]').waitFor();
  await shot(page, '02-overview');

  // A city; the form first refuses an empty name beside the field.
  await openPage(page, 'cities', '城市');
  await page.getByRole('button', { name: '新增城市' }).click();
  await save(page);
  await dialog(page).locator('[data-field="name"] .field-error').waitFor();
  await shot(page, '03-city-field-error');
  await dialog(page).getByLabel('城市名称').fill(names.city);
  await save(page);
  await findOnSomePage(page, names.city);
  await shot(page, '04-cities');

  // A top-level category with its picture, previewed once uploaded.
  await openPage(page, 'categories', '分类');
  await page.getByRole('button', { name: '新增分类' }).click();
  await dialog(page).getByLabel('分类名称').fill(names.category);
  await dialog(page).locator('input[type=file][name="pic"]').setInputFiles({
    name: 'category.png',
    mimeType: 'image/png',
    buffer: png(200, 60, 60),
  });
  await dialog(page).locator('[data-field="pic"] img[data-testid="picture-preview"]').waitFor();
  await save(page);
  await findOnSomePage(page, names.category);
  await shot(page, '05-categories');

  // A shop with two pictures; a latitude out of range is refused by the server and
  // the refusal shows beside the latitude.
  await openPage(page, 'shops', '商店');
  await page.getByRole('button', { name: '新增商店' }).click();
  const form = dialog(page);
  await form.getByLabel('店名').fill(names.shop);
  await form.getByLabel('城市').selectOption({ label: names.city });
  await form.getByLabel('分类').selectOption({ label: names.category });
  await form.getByLabel('地址').fill('测试路1号');
  await form.getByLabel('经度').fill(here.long);
  await form.getByLabel('纬度').fill('200');
  await form.getByLabel('电话').fill('0755-12345678');
  await form.locator('input[type=file][name="picList"]').setInputFiles([
    { name: 'front.png', mimeType: 'image/png', buffer: png(60, 160, 60) },
    { name: 'inside.png', mimeType: 'image/png', buffer: png(60, 60, 200) },
  ]);
  await assertCount(form.locator('[data-field="picList"] img[data-testid="picture-preview"]'), 2);
  await save(page);
  await form.locator('[data-field="lat"] .field-error').waitFor();
  await shot(page, '06-shop-server-field-error');
  await form.getByLabel('纬度').fill(here.lat);
  await save(page);
  const shopRow = page.getByRole('row').filter({ hasText: names.shop });
  await shopRow.waitFor();
  await assertCount(shopRow.locator('img.cell-picture'), 1);
  await shot(page, '07-shops');
  const sid = (await shopRow.getByRole('cell').first().innerText()).trim();
  assert.match(sid, /^\d+$/);

  // Goods of that shop.
  await openPage(page, 'goods', '商品');
  await page.getByLabel('商店ID').fill(sid);
  await page.getByLabel('商店ID').press('Enter');
  await page.getByRole('button', { name: '新增商品' }).click();
  await dialog(page).getByLabel('商品描述').fill(names.goods);
  await dialog(page).getByLabel(/^价格（分）/).fill('1999');
  await dialog(page).locator('input[type=file][name="picList"]').setInputFiles({
    name: 'goods.png',
    mimeType: 'image/png',
    buffer: png(240, 200, 40),
  });
  await dialog(page).locator('[data-field="picList"] img[data-testid="picture-preview"]').waitFor();
  await save(page);
  await page.getByRole('cell', { name: names.goods, exact: true }).waitFor();
  await shot(page, '08-goods');

  // An activity of that shop, running from today for a week.
  await openPage(page, 'activities', '活动');
  await page.getByLabel('商店ID').fill(sid);
  await page.getByLabel('商店ID').press('Enter');
  await page.getByRole('button', { name: '新增活动' }).click();
  const today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  const inAWeek = new Date(Date.now() + (8 + 7 * 24) * 3600 * 1000).toISOString().slice(0, 10);
  await dialog(page).getByLabel('标题').fill(names.activity);
  await dialog(page).getByLabel('内容').fill('全场八折');
  await dialog(page).getByLabel('开始日期').fill(today);
  await dialog(page).getByLabel('结束日期').fill(inAWeek);
  await save(page);
  await page.getByRole('cell', { name: names.activity, exact: true }).waitFor();
  await shot(page, '09-activities');

  // A delete asks first: cancelling keeps the row.
  await page.getByRole('row').filter({ hasText: names.activity }).getByRole('button', { name: '删除' }).click();
  await dialog(page).getByText('确定删除').waitFor();
  await shot(page, '10-delete-confirmation');
  await dialog(page).getByRole('button', { name: '取消' }).click();
  await page.getByRole('cell', { name: names.activity, exact: true }).waitFor();

  // The app sees the shop at once: /shop/shop!list near it, in its city.
  const app = await apiSession(await newUser());
  const cities = await app('/shop/city!list');
  const city = cities.data.cityList.find((c) => c.name === names.city);
  assert.ok(city, `the app's city list has ${names.city}`);
  const near = await app('/shop/shop!list', { city: city.id, long: here.long, lat: here.lat, offset: 0, count: 20 });
  assert.equal(near.success, true, JSON.stringify(near));
  const listed = near.data.shopList.find((s) => s.name === names.shop);
  assert.ok(listed, `shop!list near the shop returns it: ${JSON.stringify(near.data)}`);
  assert.equal(String(listed.id), sid);
  assert.equal(listed.picList.length, 2);

  // The audit log has an entry for each step, newest first.
  await openPage(page, 'audit', '审计日志');
  await page.getByPlaceholder('操作人ID').fill(String(deputy.userId));
  await page.getByRole('button', { name: '筛选' }).click();
  const audit = page.locator('section[data-page="审计日志"] tbody');
  for (const action of ['city.add', 'category.add', 'shop.add', 'goods.add', 'activity.add']) {
    await audit.getByRole('row').filter({ hasText: action }).first().waitFor();
  }
  await shot(page, '11-audit');

  // The session lives in the tab, not in a cookie the browser would send by itself.
  assert.deepEqual(await context.cookies(), []);

  // The remaining pages open and show their data.
  await openPage(page, 'users', '用户');
  await shot(page, '12-users');
  await openPage(page, 'groups', '群组');
  await shot(page, '13-groups');
}

test('a deputy publishes a package and answers feedback in the console; the app serves the package and shows the reply', async () => {
  const writer = await newUser();
  const app = await apiSession(writer);
  const question = `怎么关闭消息提醒 ${stamp}`;
  assert.equal((await app('/user/feedback!submit', { feedback: question })).success, true);

  const deputy = await newStaff('deputy');
  const { context, page } = await openConsole();
  await signIn(page, deputy);
  await openPage(page, 'versions', '版本');
  const version = `7.${stamp}.${Date.now() % 100000}`;
  const packageBytes = randomBytes(64 * 1024 + 5);
  const form = page.locator('section[data-page="版本"] form');
  await form.getByLabel('平台').selectOption('1');
  await form.getByLabel('版本号').fill(version);
  await form.getByLabel('更新说明').fill('控制台发布的测试包');
  await form.locator('input[name="package"]').setInputFiles({
    name: `mmx-${version}.apk`,
    mimeType: 'application/vnd.android.package-archive',
    buffer: packageBytes,
  });
  await form.getByRole('button', { name: '发布' }).click();
  await page.locator(`tr[data-version="${version}"]`).waitFor();
  await shot(page, '16-version-published');

  // What a phone is answered, and the packet nginx serves for it.
  const latest = await (await fetch(`${env.baseUrl}/app/version!latest?sys=1`, { headers: { client: 'E2E' + stamp } })).json();
  assert.equal(latest.success, true, JSON.stringify(latest));
  assert.equal(latest.data.version, version);
  const sha256 = createHash('sha256').update(packageBytes).digest('hex');
  assert.equal(latest.data.sha256, sha256);
  assert.equal(latest.data.size, packageBytes.length);
  const packet = await fetch(latest.data.packet);
  assert.equal(packet.status, 200);
  const served = Buffer.from(await packet.arrayBuffer());
  assert.equal(createHash('sha256').update(served).digest('hex'), sha256);

  await openPage(page, 'feedback', '反馈');
  const row = page.locator(`tr[data-user="${writer.userId}"]`);
  await row.getByRole('cell', { name: '待回复' }).waitFor();
  await row.getByRole('button', { name: '查看' }).click();
  await dialog(page).getByText(question).waitFor();
  const answer = `在“设置”里关闭 ${stamp}`;
  await dialog(page).locator('textarea[name="reply"]').fill(answer);
  await dialog(page).getByRole('button', { name: '回复' }).click();
  await dialog(page).locator('li.staff').filter({ hasText: answer }).waitFor();
  await shot(page, '17-feedback-replied');
  await context.close();

  const mine = await app('/user/feedback!list');
  assert.equal(mine.success, true, JSON.stringify(mine));
  assert.equal(mine.data.feedList[0].content, answer);
  assert.equal(mine.data.feedList[0].direction, 2);
});

test('an admin cannot open the users, cities or categories pages', async () => {
  const admin = await newStaff('admin');
  const { context, page } = await openConsole();
  await signIn(page, admin);
  const menu = page.getByRole('navigation');
  await menu.getByRole('link', { name: '商店', exact: true }).waitFor();
  for (const title of ['用户', '城市', '分类']) {
    assert.equal(await menu.getByRole('link', { name: title, exact: true }).count(), 0, `${title} is not in an admin's menu`);
  }
  await page.goto(`${env.baseUrl}/console/#/users`);
  await page.locator('section[data-page="无权限"]').getByText('无权限').waitFor();
  await shot(page, '14-admin-users-refused');
  await context.close();
});

test('a plain user cannot sign in: the console says 无权限 and keeps no session', async () => {
  const plain = await newUser();
  const { context, page } = await openConsole();
  await signIn(page, plain);
  await page.getByRole('alert').filter({ hasText: '无权限' }).waitFor();
  await shot(page, '15-plain-user-refused');
  assert.equal(await page.getByRole('navigation').count(), 0);
  const stored = await page.evaluate(() => sessionStorage.getItem('mmx.console.session'));
  assert.equal(stored, null);
  await context.close();
});

test('no page broke the content security policy or threw', () => {
  assert.deepEqual(cspViolations, []);
  assert.deepEqual(pageErrors, []);
});

// Pages through the table (its pager) until a cell reads TEXT: lists that grow run to run
// on the shared test stack (cities, categories) keep their newest rows on a later page.
async function findOnSomePage(page, text) {
  const cell = page.getByRole('cell', { name: text, exact: true });
  const pager = page.getByTestId('pager');
  // The form closes when the save is answered; the table then reloads.
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  for (let turn = 0; turn < 50; turn++) {
    await page.locator('table[data-loaded="yes"]').waitFor();
    if (await cell.count()) return;
    const next = pager.getByRole('button', { name: '下一页' });
    if (await next.isDisabled()) break;
    const position = await pager.locator('span').innerText();
    await next.click();
    await pager.locator('span').filter({ hasNotText: position }).waitFor();
  }
  await cell.waitFor({ timeout: 1 });
}

// Waits until LOCATOR has EXPECTED elements, then checks it has no more.
async function assertCount(locator, expected) {
  await locator.nth(expected - 1).waitFor();
  assert.equal(await locator.count(), expected);
}
