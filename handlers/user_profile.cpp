// /user/user!readUser, !updateUser, !uploadPhoto: thin adapters over services/profiles.
#include <algorithm>

#include "core/api_error.hpp"
#include "core/media_type.hpp"
#include "handlers/params.hpp"
#include "handlers/user.hpp"
#include "handlers/user_vo.hpp"
#include "services/images.hpp"
#include "services/profiles.hpp"

namespace mmx::user {

// The names readUser takes its target under; without any of them it reads the caller.
constexpr Names kTargetNames = {"userId", "userVO.userId", "uid"};
// The city by its id among the app's cities (shop/city!list).
constexpr Names kCityIdNames = {"cityId", "userExtendVO.cityId", "userVO.cityId"};

Response readUser(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    // A target that was named is read or refused, never swapped for the caller.
    const auto named = firstOf(request, kTargetNames);
    const std::int64_t target = named ? requireId(request, named->name) : actor.userId;
    const services::ProfileView view =
        services::readProfile(services, actor, target, readFieldSelection(request));
    Response response("获取用户信息成功");
    if (!view.only.empty()) {
        writeSelectedFields(response.data().object("selected"), view.profile, view.visibility,
                            view.only);
        return response;
    }
    writeUserVO(response.data().object("userVO"), view.profile, view.visibility);
    return response;
}

Response updateUser(Services& services, const Request& request) {
    const Identity& actor = request.actor();
    // Only one's own profile: a target named in the form must be the caller.
    if (const auto target = optionalId(request, "userVO.userId");
        target && *target != actor.userId) {
        throw ApiError(ErrorCode::Forbidden, "只能修改自己的信息");
    }
    if (request.param("userExtendVO.phoneNumber") || request.param("userVO.phoneNumber")) {
        throwBadParam("参数 phoneNumber 不能在这里修改，请通过绑定手机修改");
    }
    const db::ProfileValues changes = readProfileChanges(request);
    const auto cityId = optionalId(request, kCityIdNames);
    const bool anything =
        cityId || std::any_of(changes.begin(), changes.end(),
                              [](const auto& value) { return value.has_value(); });
    if (!anything) {
        refuseOnlyUnknown(request, {"userVO.userId"});  // names what it did not know
        throwBadParam("没有要修改的内容");
    }
    services::updateProfile(services, actor.userId, changes, cityId, readExpectedValues(request));
    return Response("修改用户信息成功");
}

// The upload is read like any parameter: present, within the size cap, a picture of a kind
// we take, decoded and encoded again (no EXIF, nothing after its end; a BMP becomes PNG).
Response uploadPhoto(Services& services, const Request& request) {
    const UploadedFile* upload = request.file("userPhoto");
    if (upload == nullptr || upload->bytes.empty()) throwBadParam("缺少文件 userPhoto");
    if (static_cast<std::int64_t>(upload->bytes.size()) > services.config.photoMaxBytes) {
        throwBadParam("头像不能大于3M");
    }
    constexpr std::string_view kFormats = "头像只能是jpg、jpeg、bmp、png格式";
    const auto sniffed = sniffImage(upload->bytes);
    if (!sniffed || sniffed->extension == "gif") throwBadParam(std::string(kFormats));
    const CleanedImage image = services::requireCleanImage(services, upload->bytes, kFormats);
    const std::string url = services::replacePhoto(services, request.actor().userId, image);
    Response response("上传用户头像成功");
    response.data().set("userPhoto", url);
    return response;
}

}  // namespace mmx::user
