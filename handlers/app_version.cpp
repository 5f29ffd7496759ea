// The newest app package of a platform, with what a phone needs to check its download.
#include "handlers/app_version.hpp"

#include "handlers/params.hpp"
#include "services/app_versions.hpp"

namespace mmx::app {

Response latestVersion(Services& services, const Request& request) {
    const auto platform =
        optionalInt(request, "sys", services::kPlatformAndroid, services::kPlatformIos);
    if (!platform) throwBadParam("缺少参数 sys");
    const auto version = services::latestAppVersion(services, *platform);
    if (!version) {
        Response response("暂无可用版本");
        response.data().set("sys", *platform).setNull("version");
        return response;
    }
    Response response("获取最新版本成功");
    response.data()
        .set("sys", *platform)
        .set("version", version->version)
        .set("time", version->publishedAt)
        .set("remark", version->remark)
        .set("packet", services::packageUrl(services.config, version->fileName))
        .set("size", version->size)
        .set("sha256", version->sha256);
    return response;
}

}  // namespace mmx::app
