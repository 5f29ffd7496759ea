// Cities, categories and catalog pictures, for site staff.
#include "services/manager_catalog.hpp"

#include "core/api_error.hpp"
#include "handlers/manager.hpp"
#include "handlers/manager_common.hpp"
#include "handlers/params.hpp"

namespace mmx::manager {
namespace {

constexpr Names kCityNames{"id", "city"};
constexpr Names kCategoryNames{"id", "category"};
constexpr std::int64_t kMaxSort = 1000000;

Response cityAnswer(const char* info, const std::string& json) {
    return objectAnswer(info, "city", json);
}

Response categoryAnswer(const char* info, const std::string& json) {
    return objectAnswer(info, "category", json);
}

std::optional<std::int64_t> optionalSort(const Request& request) {
    return optionalInt(request, "sort", -kMaxSort, kMaxSort);
}

// A category's picture: one stored catalog picture, or "" for none.
std::optional<std::string> optionalCategoryPic(const Services& services, const Request& request) {
    const auto pic = optionalText(request, "pic", 255);
    if (!pic || pic->empty()) return pic;
    services::requireCatalogPictures(services, {*pic}, "pic");
    return pic;
}

}  // namespace

Response cityList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取城市列表成功", "cityList",
                      services::listCities(services, page.offset, page.count));
}

Response cityAdd(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCities);
    const std::string name = requireText(request, "name", 1, 32);
    return cityAnswer("已添加城市",
                      services::addCity(services, staff, name, optionalSort(request).value_or(0)));
}

Response cityUpdate(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCities);
    const std::int64_t cityId = requireId(request, kCityNames);
    db::CityFields fields;
    if (request.param("name")) fields.name = requireText(request, "name", 1, 32);
    fields.sort = optionalSort(request);
    return cityAnswer("已修改城市", services::updateCity(services, staff, cityId, fields));
}

Response cityDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCities);
    const std::int64_t cityId = requireId(request, kCityNames);
    services::deleteCity(services, staff, cityId);
    Response response("已删除城市");
    response.data().set("id", cityId);
    return response;
}

Response categoryList(Services& services, const Request& request) {
    services::requireStaff(services, request.actor().userId, ManagerAction::ViewCatalog);
    const auto parentId = optionalId(request, "parentId");
    const Page page = readPage(request, kManagerPage);
    return pageAnswer("获取分类成功", "categoryList",
                      services::listCategories(services, parentId, page.offset, page.count));
}

Response categoryAdd(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCategories);
    const auto parentId = optionalId(request, "parentId");
    const std::string name = requireText(request, "name", 1, 32);
    const std::string pic = optionalCategoryPic(services, request).value_or("");
    return categoryAnswer("已添加分类", services::addCategory(services, staff, parentId, name, pic,
                                                              optionalSort(request).value_or(0)));
}

Response categoryUpdate(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCategories);
    const std::int64_t categoryId = requireId(request, kCategoryNames);
    db::CategoryFields fields;
    if (request.param("name")) fields.name = requireText(request, "name", 1, 32);
    fields.pic = optionalCategoryPic(services, request);
    fields.sort = optionalSort(request);
    return categoryAnswer("已修改分类",
                          services::updateCategory(services, staff, categoryId, fields));
}

Response categoryDelete(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditCategories);
    const std::int64_t categoryId = requireId(request, kCategoryNames);
    services::deleteCategory(services, staff, categoryId);
    Response response("已删除分类");
    response.data().set("id", categoryId);
    return response;
}

Response mediaUpload(Services& services, const Request& request) {
    const auto staff =
        services::requireStaff(services, request.actor().userId, ManagerAction::EditShops);
    const UploadedFile* upload = request.file("file");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 file");
    const auto picture = services::uploadCatalogPicture(services, staff, upload->bytes);
    Response response("上传成功");
    response.data()
        .set("url", picture.url)
        .set("width", picture.width)
        .set("height", picture.height)
        .set("size", picture.size);
    return response;
}

}  // namespace mmx::manager
