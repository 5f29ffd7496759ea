// What each page of the console manages: its routes, the columns of its table, the
// fields of its form. The parameter names are the manager API's (docs/api.md, "Site
// staff"); a page is only this table plus the generic list/form in pages/.

export const ROLE_NAMES = { owner: '站长', deputy: '副站长', admin: '管理员' };

const ALL_STAFF = ['owner', 'deputy', 'admin'];
const OWNER_DEPUTY = ['owner', 'deputy'];

const STATUS_OPTIONS = [
  { value: '1', label: '在售' },
  { value: '0', label: '下架' },
];

export const RESOURCES = {
  cities: {
    title: '城市',
    roles: OWNER_DEPUTY,
    route: '/manager/city',
    listKeys: ['cityList', 'list'],
    idParam: 'id',
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'name', label: '城市名称' },
    ],
    fields: [{ name: 'name', label: '城市名称', required: true, maxLength: 16 }],
  },
  categories: {
    title: '分类',
    roles: OWNER_DEPUTY,
    route: '/manager/category',
    listKeys: ['categoryList', 'list'],
    idParam: 'id',
    tree: true,
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'pic', label: '图片', type: 'picture' },
      { name: 'name', label: '分类名称' },
      { name: 'parentName', label: '上级分类' },
    ],
    fields: [
      { name: 'name', label: '分类名称', required: true, maxLength: 16 },
      {
        name: 'parentId',
        label: '上级分类',
        type: 'select',
        optionsFrom: { route: '/manager/category!list', keys: ['categoryList', 'list'], topLevel: true },
        empty: '（一级分类）',
      },
      { name: 'pic', label: '图片', type: 'picture' },
    ],
  },
  shops: {
    title: '商店',
    roles: ALL_STAFF,
    route: '/manager/shop',
    listKeys: ['shopList', 'list'],
    idParam: 'sid',
    info: ['shop', 'info'],
    cascade: true,
    search: { name: 'name', label: '店名' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'picList', label: '图片', type: 'picture' },
      { name: 'name', label: '店名' },
      { name: 'address', label: '地址' },
      { name: 'phone', label: '电话' },
    ],
    fields: [
      { name: 'name', label: '店名', required: true, maxLength: 64 },
      {
        name: 'cityId',
        label: '城市',
        type: 'select',
        required: true,
        optionsFrom: { route: '/manager/city!list', keys: ['cityList', 'list'] },
      },
      {
        name: 'categoryId',
        label: '分类',
        type: 'select',
        required: true,
        optionsFrom: { route: '/manager/category!list', keys: ['categoryList', 'list'] },
      },
      { name: 'address', label: '地址', maxLength: 100 },
      { name: 'long', label: '经度', type: 'number', required: true, step: 'any' },
      { name: 'lat', label: '纬度', type: 'number', required: true, step: 'any' },
      { name: 'hours', label: '营业时间', maxLength: 50 },
      { name: 'phone', label: '电话', maxLength: 20 },
      { name: 'intro', label: '简介', type: 'textarea', maxLength: 500 },
      { name: 'dec', label: '推荐语', maxLength: 50 },
      { name: 'picList', label: '图片', type: 'pictures' },
    ],
  },
  goods: {
    title: '商品',
    roles: ALL_STAFF,
    route: '/manager/goods',
    listKeys: ['goodsList', 'list'],
    idParam: 'gid',
    info: ['goods', 'info'],
    scope: { name: 'sid', label: '商店ID' },
    search: { name: 'name', label: '商品名' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'picList', label: '图片', type: 'picture' },
      { name: 'name', label: '商品名' },
      { name: 'price', label: '价格（分）' },
      { name: 'barcode', label: '条码' },
    ],
    fields: [
      { name: 'sid', label: '商店ID', type: 'number', required: true, fromScope: true },
      { name: 'name', label: '商品名', required: true, maxLength: 64 },
      { name: 'price', label: '价格（分）', type: 'number', required: true, step: '1' },
      { name: 'promotionPrice', label: '促销价（分）', type: 'number', step: '1' },
      { name: 'status', label: '状态', type: 'select', options: STATUS_OPTIONS, empty: '（默认）' },
      { name: 'barcode', label: '条码', maxLength: 32 },
      { name: 'basic', label: '基本属性（每行 名称:值）', type: 'textarea' },
      { name: 'picList', label: '图片', type: 'pictures' },
    ],
  },
  activities: {
    title: '活动',
    roles: ALL_STAFF,
    route: '/manager/activity',
    listKeys: ['activityList', 'list'],
    idParam: 'id',
    scope: { name: 'sid', label: '商店ID' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'title', label: '标题' },
      { name: 'startDate', label: '开始' },
      { name: 'endDate', label: '结束' },
    ],
    fields: [
      { name: 'sid', label: '商店ID', type: 'number', required: true, fromScope: true },
      { name: 'title', label: '标题', required: true, maxLength: 64 },
      { name: 'content', label: '内容', type: 'textarea', maxLength: 1000 },
      { name: 'startDate', label: '开始日期', type: 'date', required: true },
      { name: 'endDate', label: '结束日期', type: 'date', required: true },
      { name: 'pic', label: '图片', type: 'picture' },
    ],
  },
  groups: {
    title: '群组',
    roles: ALL_STAFF,
    route: '/manager/group',
    listKeys: ['groupList', 'list'],
    idParam: 'groupId',
    readOnly: true,
    deleteRoles: OWNER_DEPUTY,
    search: { name: 'keyword', label: '群名' },
    columns: [
      { name: 'groupId', label: 'ID' },
      { name: 'groupName', label: '群名' },
      { name: 'memberCount', label: '人数' },
      { name: 'ownerId', label: '群主ID' },
    ],
    fields: [],
  },
};

export const PAGES = [
  { key: 'overview', title: '概览', roles: ALL_STAFF },
  { key: 'users', title: '用户', roles: OWNER_DEPUTY },
  { key: 'cities', title: '城市', roles: OWNER_DEPUTY },
  { key: 'categories', title: '分类', roles: OWNER_DEPUTY },
  { key: 'shops', title: '商店', roles: ALL_STAFF },
  { key: 'goods', title: '商品', roles: ALL_STAFF },
  { key: 'activities', title: '活动', roles: ALL_STAFF },
  { key: 'groups', title: '群组', roles: ALL_STAFF },
  { key: 'versions', title: '版本', roles: OWNER_DEPUTY },
  { key: 'feedback', title: '反馈', roles: ALL_STAFF },
  { key: 'audit', title: '审计日志', roles: ALL_STAFF },
];

export function mayOpen(page, role) {
  const entry = PAGES.find((p) => p.key === page);
  return Boolean(entry && role && entry.roles.includes(role));
}
