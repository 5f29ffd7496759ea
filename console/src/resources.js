// What each page of the console manages: its routes, the columns of its table, the
// fields of its form. The parameter names are the manager API's (docs/api.md, "Site
// staff"); a page is only this table plus the generic list/form in pages/.

export const ROLE_NAMES = { owner: '站长', deputy: '副站长', admin: '管理员' };

const ALL_STAFF = ['owner', 'deputy', 'admin'];
const OWNER_DEPUTY = ['owner', 'deputy'];

// Goods: 1 on sale, 0 or 2 off sale.
const STATUS_OPTIONS = [
  { value: '1', label: '在售' },
  { value: '0', label: '下架' },
  { value: '2', label: '停售' },
];

export const RESOURCES = {
  cities: {
    title: '城市',
    roles: OWNER_DEPUTY,
    route: '/manager/city',
    listKeys: ['cityList'],
    idParam: 'id',
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'name', label: '城市名称' },
      { name: 'sort', label: '排序' },
    ],
    fields: [
      { name: 'name', label: '城市名称', required: true, maxLength: 32 },
      { name: 'sort', label: '排序', type: 'number', step: '1' },
    ],
  },
  categories: {
    title: '分类',
    roles: OWNER_DEPUTY,
    route: '/manager/category',
    listKeys: ['categoryList'],
    idParam: 'id',
    tree: true,
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'pic', label: '图片', type: 'picture' },
      { name: 'name', label: '分类名称' },
      { name: 'parentName', label: '上级分类' },
      { name: 'sort', label: '排序' },
    ],
    fields: [
      { name: 'name', label: '分类名称', required: true, maxLength: 32 },
      {
        name: 'parentId',
        label: '上级分类',
        type: 'select',
        optionsFrom: { route: '/manager/category!list', keys: ['categoryList'], topLevel: true },
        empty: '（一级分类）',
      },
      { name: 'sort', label: '排序', type: 'number', step: '1' },
      { name: 'pic', label: '图片', type: 'picture' },
    ],
  },
  shops: {
    title: '商店',
    roles: ALL_STAFF,
    route: '/manager/shop',
    listKeys: ['shopList'],
    idParam: 'sid',
    info: ['shop'],
    cascade: true,
    search: { name: 'name', label: '店名' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'picList', label: '图片', type: 'picture' },
      { name: 'name', label: '店名' },
      { name: 'cityName', label: '城市' },
      { name: 'categoryName', label: '分类' },
      { name: 'address', label: '地址' },
      { name: 'fans', label: '粉丝' },
    ],
    fields: [
      { name: 'name', label: '店名', required: true, maxLength: 64 },
      {
        name: 'city',
        label: '城市',
        type: 'select',
        required: true,
        optionsFrom: { route: '/manager/city!list', keys: ['cityList'] },
      },
      {
        name: 'category',
        label: '分类',
        type: 'select',
        required: true,
        optionsFrom: { route: '/manager/category!list', keys: ['categoryList'] },
      },
      { name: 'address', label: '地址', maxLength: 255 },
      { name: 'long', label: '经度', type: 'number', required: true, step: 'any' },
      { name: 'lat', label: '纬度', type: 'number', required: true, step: 'any' },
      { name: 'hours', label: '营业时间', maxLength: 64 },
      { name: 'phone', label: '电话', maxLength: 32 },
      { name: 'intro', label: '简介', type: 'textarea', maxLength: 2000 },
      { name: 'recommendWord', label: '推荐语', maxLength: 64 },
      { name: 'recommendRank', label: '推荐排名', type: 'number', step: '1' },
      { name: 'picList', label: '图片', type: 'pictures' },
    ],
  },
  goods: {
    title: '商品',
    roles: ALL_STAFF,
    route: '/manager/goods',
    listKeys: ['goodsList'],
    idParam: 'gid',
    info: ['goods'],
    scope: { name: 'sid', label: '商店ID' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'picList', label: '图片', type: 'picture' },
      { name: 'desp', label: '商品描述' },
      { name: 'price', label: '价格（分）' },
      { name: 'promot', label: '促销价（分）' },
      { name: 'status', label: '状态', type: 'option', options: STATUS_OPTIONS },
      { name: 'barcode', label: '条码' },
    ],
    fields: [
      { name: 'sid', label: '商店ID', type: 'number', required: true, fromScope: true, createOnly: true },
      { name: 'desp', label: '商品描述', required: true, maxLength: 255 },
      { name: 'price', label: '价格（分）', type: 'number', required: true, step: '1' },
      { name: 'promot', label: '促销价（分）', type: 'number', step: '1' },
      { name: 'status', label: '状态', type: 'select', options: STATUS_OPTIONS, empty: '（在售）' },
      { name: 'barcode', label: '条码', maxLength: 32 },
      { name: 'basic', label: '基本属性（每行 名称:值）', type: 'textarea' },
      { name: 'picList', label: '图片', type: 'pictures' },
    ],
  },
  activities: {
    title: '活动',
    roles: ALL_STAFF,
    route: '/manager/activity',
    listKeys: ['activityList'],
    idParam: 'actID',
    scope: { name: 'sid', label: '商店ID' },
    columns: [
      { name: 'id', label: 'ID' },
      { name: 'title', label: '标题' },
      { name: 'shopName', label: '商店' },
      { name: 'bt', label: '开始' },
      { name: 'et', label: '结束' },
    ],
    fields: [
      { name: 'sid', label: '商店ID', type: 'number', required: true, fromScope: true, createOnly: true },
      { name: 'title', label: '标题', required: true, maxLength: 64 },
      { name: 'content', label: '内容', type: 'textarea', required: true, maxLength: 2000 },
      { name: 'bt', label: '开始日期', type: 'date', required: true },
      { name: 'et', label: '结束日期', type: 'date', required: true },
    ],
  },
  groups: {
    title: '群组',
    roles: ALL_STAFF,
    route: '/manager/group',
    listKeys: ['groupList'],
    idParam: 'groupId',
    readOnly: true,
    deleteRoles: OWNER_DEPUTY,
    search: { name: 'groupName', label: '群名' },
    columns: [
      { name: 'groupId', label: 'ID' },
      { name: 'groupName', label: '群名' },
      { name: 'memberCount', label: '人数' },
      { name: 'ownerName', label: '群主' },
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
