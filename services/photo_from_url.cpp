#include "services/photo_from_url.hpp"

#include "adapters/url_fetch.hpp"
#include "core/api_error.hpp"
#include "core/media_type.hpp"
#include "services/chat_media.hpp"
#include "services/images.hpp"
#include "services/limits.hpp"
#include "services/profiles.hpp"

namespace mmx::services {
namespace {

constexpr std::string_view kFetchesPerUser = "photo-url";
constexpr std::string_view kFormats = "头像只能是jpg、jpeg、bmp、png格式";

}  // namespace

std::string setPhotoFromUrl(Services& services, std::int64_t me, std::string_view url) {
    countOrRefuse(services, kFetchesPerUser, std::to_string(me), kPhotoFetchesPerWindow);
    const std::string bytes = fetchPictureBytes(services, url, "url", "头像不能大于3M");
    const auto sniffed = sniffImage(bytes);
    if (!sniffed || sniffed->extension == "gif") throwBadParam(std::string(kFormats));
    const CleanedImage image = requireCleanImage(services, bytes, kFormats);
    return replacePhoto(services, me, image);
}

std::string fetchPictureBytes(const Services& services, std::string_view url,
                              std::string_view param, std::string_view tooLarge) {
    const std::string named = "参数 " + std::string(param);
    UrlFetchLimits limits;
    limits.maxBytes = services.config.photoMaxBytes;
    limits.allowedHosts = services.config.fetchAllowedHosts;
    try {
        return fetchUrl(url, limits);
    } catch (const UrlFetchRefused& refused) {
        switch (refused.reason()) {
            case UrlFetchRefused::Reason::BadUrl:
                throwBadParam(named + " 须为 http 或 https 地址");
            case UrlFetchRefused::Reason::ForbiddenAddress:
                throwBadParam(named + " 指向的地址不允许访问");
            case UrlFetchRefused::Reason::TooLarge:
                throwBadParam(std::string(tooLarge));
            case UrlFetchRefused::Reason::Failed:
                break;
        }
        throwBadParam("无法从" + named + " 获取图片");
    }
}

std::string uploadPictureFromUrl(Services& services, std::int64_t me, std::string_view url) {
    countOrRefuse(services, kFetchesPerUser, std::to_string(me), kPhotoFetchesPerWindow);
    const std::string bytes = fetchPictureBytes(services, url, "url", "图片不能大于3M");
    return uploadChatMedia(services, me, MediaKind::Image, bytes).url;
}

}  // namespace mmx::services
